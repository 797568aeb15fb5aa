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
  const toolbar = page.locator('[role="toolbar"][aria-controls="field-situation"]');
  await field.fill("I keep rescuing him.");
  if (info.project.name === "nojs") {
    // Buttons that could do nothing are not shown, and the label still names the textarea.
    await expect(page.getByRole("toolbar")).toHaveCount(0);
    return;
  }
  // Hydration happens at idle time; the toolbar appears when it has.
  await expect(toolbar).toBeVisible({ timeout: 20_000 });
  await expect(toolbar).toHaveAccessibleName("Formatting");
  await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 15));
  await toolbar.getByRole("button", { name: "Bold" }).click();
  await expect(field).toHaveValue("I keep **rescuing** him.");
  // The selection stays on the same words: a second press formats them again.
  await toolbar.getByRole("button", { name: "Italic" }).click();
  await expect(field).toHaveValue("I keep **_rescuing_** him.");
  await toolbar.getByRole("button", { name: "List" }).click();
  await expect(field).toHaveValue("- I keep **_rescuing_** him.");
  // The count and the preview follow a press as they follow typing.
  await expect(page.getByText("28 / 8000 characters")).toBeVisible();
  await expect(page.locator(".live-preview li strong em").first()).toHaveText("rescuing");

  // Another field's toolbar acts on its own field only; every selected line is quoted, and a
  // character outside the Basic Multilingual Plane before the selection does not shift it.
  const stuck = page.getByLabel("Where I am stuck");
  await stuck.fill("😀 She agrees\nthen cancels");
  await stuck.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, el.value.length));
  await page.locator('[role="toolbar"][aria-controls="field-stuck"]').getByRole("button", { name: "Quote" }).click();
  await expect(stuck).toHaveValue("> 😀 She agrees\n> then cancels");
  await page.locator('[role="toolbar"][aria-controls="field-stuck"]').getByRole("button", { name: "Bold" }).click();
  await expect(stuck).toHaveValue("> 😀 **She agrees\n> then cancels**");
  await expect(field).toHaveValue("- I keep **_rescuing_** him.");
});
