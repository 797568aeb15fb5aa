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
  // A double-click's trailing space stays outside the marks.
  await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 16));
  await toolbar.getByRole("button", { name: "Bold" }).click();
  await expect(field).toHaveValue("I keep **rescuing** him.");
  // One edit the browser's undo takes back.
  await field.press("Control+z");
  await expect(field).toHaveValue("I keep rescuing him.");
  await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 15));
  await toolbar.getByRole("button", { name: "Bold" }).click();
  await expect(field).toHaveValue("I keep **rescuing** him.");
  // The selection stays on the same words: a second press formats them again.
  await toolbar.getByRole("button", { name: "Italic" }).click();
  await expect(field).toHaveValue("I keep ***rescuing*** him.");
  await toolbar.getByRole("button", { name: "List" }).click();
  await expect(field).toHaveValue("- I keep ***rescuing*** him.");
  // The count and the preview follow a press as they follow typing.
  await expect(page.getByText("28 / 8000 characters")).toBeVisible();
  await expect(page.locator(".live-preview li strong").first()).toHaveText("rescuing");
  await expect(page.locator(".live-preview li em").first()).toHaveText("rescuing");

  // One Tab stop: the arrow keys move along the toolbar, and round its ends.
  const button = (name: string) => toolbar.getByRole("button", { name });
  await button("Bold").focus();
  await page.keyboard.press("ArrowRight");
  await expect(button("Italic")).toBeFocused();
  await page.keyboard.press("End");
  await expect(button("Quote")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(button("Bold")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(button("Quote")).toBeFocused();
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1);
  await field.focus();
  await page.keyboard.press("Shift+Tab");
  await expect(button("Quote")).toBeFocused();

  // Another field's toolbar acts on its own field only; every selected line is quoted, and a
  // character outside the Basic Multilingual Plane before the selection does not shift it.
  const stuck = page.getByLabel("Where I am stuck");
  await stuck.fill("😀 She agrees\nthen cancels");
  await stuck.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, el.value.length));
  await page.locator('[role="toolbar"][aria-controls="field-stuck"]').getByRole("button", { name: "Quote" }).click();
  await expect(stuck).toHaveValue("> 😀 She agrees\n> then cancels");
  await page.locator('[role="toolbar"][aria-controls="field-stuck"]').getByRole("button", { name: "Bold" }).click();
  await expect(stuck).toHaveValue("> 😀 **She agrees\n> then cancels**");
  await expect(field).toHaveValue("- I keep ***rescuing*** him.");
});
