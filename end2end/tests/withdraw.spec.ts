import { expect, test } from "@playwright/test";
import { caseIdOf, confirmChecklist, createMember, fillCase, signInAs, uniqueEmail } from "./helpers";

// An author takes back a case that waits for review: it is deleted. JavaScript on and off.
test("an author withdraws a case waiting for review", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("withdraw.author", info);
  await createMember(baseURL!, "clinician", author, `Withdraw Author ${info.project.name}`);
  const title = `A case taken back (${info.project.name} ${Date.now()})`;
  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, { title, situation: "A man in his 60s who will not talk about work.", stuck: "I push.", asking: "Why do I push?" });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseUrl = `/cases/${caseIdOf(page)}`;

  const section = page.locator("#withdraw");
  await expect(section.getByRole("heading", { name: "Withdraw this case" })).toBeVisible();
  await section.getByLabel("Delete it from the review queue").check();
  await section.getByRole("button", { name: "Withdraw the case" }).click();
  await expect(page).toHaveURL(/\/cases\/mine\?notice=case-withdrawn$/);
  await expect(page.getByText("The case is withdrawn and deleted.")).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  const gone = await page.goto(caseUrl);
  expect(gone?.status()).toBe(404);
});
