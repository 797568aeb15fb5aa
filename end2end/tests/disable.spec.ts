import { type Dialog, expect, type Page, test } from "@playwright/test";
import { ADMIN, createMember, signIn, uniqueEmail } from "./helpers";

// An admin disables a member's account. With JavaScript the browser asks first, and saying no
// changes nothing; without it the form submits at once (the same row can enable it again).
test("an admin disables an account, asked first when the script runs", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("disable", info);
  const stamp = `${info.project.name}${Date.now()}`;
  const name = `Disable Qx${stamp}`;
  await createMember(baseURL!, "clinician", email, name);
  await signIn(page, ADMIN.email, ADMIN.password);
  const list = `/admin/users?q=qx${stamp}`;
  // The member's own row: the list may hold others (the search is kept after saving).
  const row = page.locator("li.member").filter({ hasText: name });
  const disable = row.getByRole("button", { name: "Disable account" });
  const enable = row.getByRole("button", { name: "Enable account" });
  await page.goto(list);
  if (info.project.name === "js") {
    // Hydration happens at idle time: until it has, a press submits as it does without the
    // script, so the first "no" is retried (enabling again if a press got through).
    await expect(async () => {
      if (await enable.isVisible()) await enable.click();
      await page.goto(list);
      await idle(page);
      // Answered inside the handler: the dialog blocks the click until it is.
      let asked = "";
      const answer = (dialog: Dialog) => {
        asked = dialog.message();
        void dialog.dismiss();
      };
      page.once("dialog", answer);
      await disable.click();
      page.off("dialog", answer);
      expect(asked).toBe(`Disable ${name}'s account? They will be signed out at once.`);
    }).toPass({ timeout: 30_000 });
    // Said no: nothing was sent.
    await expect(page).toHaveURL(new RegExp(`${list.replace("?", "\\?")}$`));
    await page.reload();
    await expect(disable).toBeVisible();
    page.once("dialog", (d) => d.accept());
  }
  await disable.click();
  await expect(page).toHaveURL(/notice=status-saved/);
  await expect(enable).toBeVisible();
  await expect(disable).toHaveCount(0);
});

async function idle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
}
