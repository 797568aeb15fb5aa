import { expect, test } from "@playwright/test";
import { createMember, signInAs, uniqueEmail } from "./helpers";

// The composer's formatting: with JavaScript, buttons format the selected words; without, the
// plain textarea and the written help. Both ways the help is there.
test("the composer formats selected words, or says how without JavaScript", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("toolbar", info);
  await createMember(baseURL!, "clinician", email, `Toolbar Member ${info.project.name} ${Date.now()}`);
  await signInAs(page, email);
  await page.goto("/cases/new");
  await page.getByText("Formatting help").click();
  await expect(page.getByText("for bold,")).toBeVisible();
  const field = page.getByLabel("Situation");
  const toolbar = page.getByRole("toolbar", { name: "Formatting: Situation" });
  await field.fill("I keep rescuing him.");
  if (info.project.name === "nojs") {
    await expect(toolbar).toBeHidden();
    return;
  }
  // Hydration happens at idle time; the toolbar appears when it has.
  await expect(toolbar).toBeVisible({ timeout: 20_000 });
  await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 15));
  await toolbar.getByRole("button", { name: "Bold" }).click();
  await expect(field).toHaveValue("I keep **rescuing** him.");
  await toolbar.getByRole("button", { name: "List" }).click();
  await expect(field).toHaveValue("- I keep **rescuing** him.");
  // The preview follows, cooked by the server.
  await expect(page.locator(".live-preview strong").first()).toHaveText("rescuing");
});
