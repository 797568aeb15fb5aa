import { expect, test } from "@playwright/test";
import { caseIdOf, confirmChecklist, createMember, fillCase, signInAs, signOut, uniqueEmail } from "./helpers";

// The author chooses how long their case is kept when posting it, sees when it will be deleted
// and changes the period; a moderator
// holds it with a reason the author does not see, then releases the hold. JavaScript on and off.
test("an author chooses how long a case is kept and a moderator holds it", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("keep.author", info);
  const moderator = uniqueEmail("keep.mod", info);
  await createMember(baseURL!, "clinician", author, `Keep Author ${info.project.name}`);
  await createMember(baseURL!, "moderator", moderator, `Keep Mod ${info.project.name}`);
  const title = `A case with a retention period (${info.project.name} ${Date.now()})`;

  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, { title, situation: "A woman in her 40s who arrives late.", stuck: "I keep waiting.", asking: "What is the lateness about?" });
  await page.getByLabel("Keep this case for").selectOption("6m");
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseUrl = `/cases/${caseIdOf(page)}`;

  const panel = page.locator("#retention");
  await expect(panel.getByRole("heading", { name: "Keeping this case" })).toBeVisible();
  await expect(panel).toContainText("This case will be deleted on");
  await expect(panel).toContainText("6 months, as its author chose");
  await panel.getByLabel("Keep it for").selectOption("1y");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved: the date below is when the case will be deleted.")).toBeVisible();
  await expect(page.locator("#retention")).toContainText("1 year, as its author chose");
  await expect(page.locator("#retention").getByLabel("Keep it for")).toHaveValue("1y");
  await signOut(page);

  await signInAs(page, moderator);
  await page.goto(caseUrl);
  await page.locator("#retention").getByText("Hold this case").click();
  await page.getByLabel("Reason (moderators see it)").fill("A complaint about this thread is still open.");
  await page.getByRole("button", { name: "Hold", exact: true }).click();
  await expect(page.getByText("The case is on hold")).toBeVisible();
  await expect(page.locator("#retention")).toContainText("A complaint about this thread is still open.");
  await expect(page.locator("#retention").getByLabel("Keep it for")).toHaveCount(0);
  await signOut(page);

  await signInAs(page, author);
  await page.goto(caseUrl);
  await expect(page.locator("#retention")).toContainText("A moderator placed a hold on this case");
  await expect(page.getByText("A complaint about this thread")).toHaveCount(0);
  await signOut(page);

  await signInAs(page, moderator);
  await page.goto(caseUrl);
  await page.getByRole("button", { name: "Release the hold" }).click();
  await expect(page.getByText("The hold is released.")).toBeVisible();
  await expect(page.locator("#retention")).toContainText("This case will be deleted on");
});
