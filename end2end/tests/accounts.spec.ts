import { expect, test } from "@playwright/test";
import { ADMIN, PASSWORD, inviteAs, register, signIn, signOut, uniqueEmail } from "./helpers";

test("an admin invites a clinician, who registers and signs in", async ({ page }, info) => {
  const email = uniqueEmail("clinician", info);
  const link = await inviteAs(page, email, "clinician");
  expect(link).toMatch(/\/register\?token=[A-Za-z0-9_-]{43}$/);

  await register(page, link, "Robin Hale");
  await expect(page.getByRole("heading", { name: "Welcome, Robin Hale" })).toBeVisible();
  await expect(page.getByText("Welcome to Caseroom. Your account is ready.")).toBeVisible();
  await expect(page.getByText("Your roles: Clinician")).toBeVisible();

  await signOut(page);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, Robin Hale" })).toBeVisible();

  // The link worked once.
  await signOut(page);
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByText("already been used or has expired")).toBeVisible();
});

test("a clinician is refused the admin page", async ({ page }, info) => {
  const email = uniqueEmail("refused", info);
  const link = await inviteAs(page, email, "clinician");
  await register(page, link, "Casey Moss");
  await expect(page.getByRole("heading", { name: "Welcome, Casey Moss" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);

  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText(ADMIN.email)).toHaveCount(0);
});

test("a weak password is refused and the name is kept", async ({ page }, info) => {
  const email = uniqueEmail("weak", info);
  const link = await inviteAs(page, email, "supervisor");
  await page.goto(link);
  await page.getByLabel("Your name, as other members will see it").fill("Dr Lee Park");
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("Repeat the new password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert")).toContainText("too common");
  await expect(page.getByLabel("Your name, as other members will see it")).toHaveValue("Dr Lee Park");
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");
});

test("a wrong password gets one clear message and keeps the email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the admin password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
});
