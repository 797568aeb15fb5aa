import { expect, test } from "@playwright/test";
import { approveCase, caseIdOf, confirmChecklist, createMember, fillCase, signInAs, uniqueEmail } from "./helpers";

// A member marks one notification read from the notifications page. JavaScript on and off.
test("a member marks a notification read", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("notes.author", info);
  await createMember(baseURL!, "clinician", author, `Notes Author ${info.project.name}`);
  const title = `A case whose approval is news (${info.project.name} ${Date.now()})`;
  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, { title, situation: "A teenager who answers in one word.", stuck: "Silence.", asking: "How do I wait?" });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await approveCase(baseURL!, caseIdOf(page), info);

  await page.goto("/notifications");
  const item = page.locator("li.unread", { hasText: title });
  await expect(item).toContainText("A moderator approved your case.");
  await item.getByRole("button", { name: "Mark as read" }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  const read = page.locator("li", { hasText: title });
  await expect(read).toBeVisible();
  await expect(read).not.toHaveClass(/unread/);
  await expect(read.getByRole("button", { name: "Mark as read" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Notifications$/ })).toBeVisible();
});
