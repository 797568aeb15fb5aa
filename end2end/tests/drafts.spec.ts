import { expect, test } from "@playwright/test";
import { confirmChecklist, createMember, signInAs, uniqueEmail } from "./helpers";

// A clinician saves an unfinished case as a draft, closes the tab, finds it on "My cases" the
// next day and submits it. JavaScript on and off.
test("a draft survives a closed tab and becomes a case", async ({ browser, baseURL }, info) => {
  const author = uniqueEmail("draft.author", info);
  const stamp = `${info.project.name} ${Date.now()}`;
  await createMember(baseURL!, "clinician", author, `Draft Author ${stamp}`);
  const title = `A case I am still writing (${stamp})`;
  const context = await browser.newContext({ baseURL, javaScriptEnabled: info.project.name === "js" });
  let page = await context.newPage();
  await signInAs(page, author);
  await page.goto("/cases/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Client age band").selectOption("adult");
  await page.getByLabel("Situation").fill("A teenager who answers every question with a question.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/cases\/new\?draft=\d+&notice=draft-saved$/);
  await expect(page.getByText("Your draft is saved. Only you can see it")).toBeVisible();
  await page.close();

  page = await context.newPage();
  await page.goto("/cases/mine");
  const drafts = page.locator("section.drafts");
  await expect(drafts.getByRole("heading", { name: "Drafts" })).toBeVisible();
  await drafts.getByRole("link", { name: title }).click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Client age band")).toHaveValue("adult");
  await expect(page.getByLabel("Situation")).toHaveValue("A teenager who answers every question with a question.");
  await page.getByLabel("Client age band").selectOption("adolescent");
  await page.getByLabel("Setting").selectOption("outpatient");
  await page.getByLabel("Modality").selectOption("cbt");
  await page.getByLabel("Sessions so far").selectOption("6-15");
  await page.getByLabel("Where I am stuck").fill("I answer his questions.");
  await page.getByLabel("What I am asking").fill("How do I stop?");
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Your case is in the review queue.")).toBeVisible();
  await page.goto("/cases/mine");
  await expect(page.locator("section.drafts")).toHaveCount(0);
  await context.close();
});
