import { expect, test } from "@playwright/test";
import { PASSWORD, createMember, signIn, uniqueEmail } from "./helpers";
import { awaitMessage, linkIn } from "./mail";

const NEW_PASSWORD = "cedar lantern meadow 7";

// A member who forgot their password gets back in from the sign-in page, through a real email,
// with JavaScript on and off; the link works once.
test("a member resets a forgotten password from the sign-in page", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("forgot", info);
  await createMember(baseURL!, "clinician", email, `Forgetful ${info.project.name}`);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText("If an account uses that address")).toBeVisible();

  const message = await awaitMessage(email, "Reset your Caseroom password");
  expect(message.text).not.toContain("Forgetful");
  const link = linkIn(message, "/password/reset?token=");

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  // The old password no longer works; the new one does.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error, [role=alert]").first()).toBeVisible();
  await signIn(page, email, NEW_PASSWORD);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText("already been used")).toBeVisible();
});
