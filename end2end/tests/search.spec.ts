import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { approveCase, caseIdOf, confirmChecklist, createMember, fillCase, signInAs, signOut, uniqueEmail } from "./helpers";

test("a member finds a case by words from its body, narrows it with filters and opens it", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("search.author", info);
  const reader = uniqueEmail("search.reader", info);
  await createMember(baseURL!, "clinician", author, `Search Author ${info.project.name}`);
  await createMember(baseURL!, "clinician", reader, `Search Reader ${info.project.name}`);
  // A word no other test writes, so this journey's results are its own.
  const word = `tapir${info.project.name}${Date.now() % 1_000_000}`;
  const title = `Stuck with a grieving adolescent (${info.project.name} ${Date.now()})`;

  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, {
    title,
    modality: "act",
    situation: `She has been grieving since the spring and calls it the ${word} year.`,
    stuck: "She agrees with every plan and then misses the next session.",
    asking: "What am I not seeing?",
  });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseId = caseIdOf(page);
  // Waiting for review: not searchable, not even by its author.
  await page.getByRole("banner").getByLabel("Search cases").fill(word);
  await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No published case matches")).toBeVisible();
  await approveCase(baseURL!, caseId, info);
  await signOut(page);

  await signInAs(page, reader);
  // The header's search box, on any page; "grieved" finds "grieving".
  await page.getByRole("banner").getByLabel("Search cases").fill(`grieved ${word}`);
  await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByText("1 case matches.")).toBeVisible();
  const result = page.locator(".case-item");
  await expect(result.getByRole("link", { name: title })).toBeVisible();
  await expect(result.locator("mark").first()).toHaveText("grieving");

  // A filter that leaves it out, then one that keeps it; the query stays in the box.
  const main = page.getByRole("main");
  await main.getByText("Filters").click();
  await main.getByLabel("Modality").selectOption("cbt");
  await main.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No published case matches")).toBeVisible();
  await expect(main.getByLabel("Words from the case or its replies")).toHaveValue(`grieved ${word}`);
  await main.getByLabel("Modality").selectOption("act");
  await main.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("1 case matches.")).toBeVisible();

  // A query of nothing but operators says what to do instead of failing.
  await main.getByLabel("Words from the case or its replies").fill('" * - :');
  await main.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("alert")).toContainText("Add a word to look for");

  await main.getByLabel("Words from the case or its replies").fill(`"${word} year"`);
  await main.getByRole("button", { name: "Search" }).click();
  await page.locator(".case-item").getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  if (info.project.name === "js") {
    await page.goto(`/search?q=${encodeURIComponent(`grieved ${word}`)}&modality=act`);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `/search: ${v.id}`)).toEqual([]);
  }
});
