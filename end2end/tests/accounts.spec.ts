import { expect, test } from "@playwright/test";
import { ADMIN, PASSWORD, createMember, inviteAs, register, signIn, signOut, uniqueEmail } from "./helpers";

test("an admin invites a clinician, who registers and signs in", async ({ page }, info) => {
  const email = uniqueEmail("clinician", info);
  const link = await inviteAs(page, email, "clinician");
  expect(link).toMatch(/\/register\?token=[A-Za-z0-9_-]{43}$/);

  // Names are unique to the eye across the whole forum, so each project registers its own.
  const name = `Robin Hale ${info.project.name}`;
  await register(page, link, name);
  await expect(page.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
  await expect(page.getByText("Welcome to Caseroom. Your account is ready.")).toBeVisible();
  await expect(page.getByText("Your roles: Clinician")).toBeVisible();

  await signOut(page);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();

  // The link worked once.
  await signOut(page);
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByText("already been used or has expired")).toBeVisible();
});

test("a clinician is refused the admin page", async ({ page }, info) => {
  const email = uniqueEmail("refused", info);
  const link = await inviteAs(page, email, "clinician");
  await register(page, link, `Casey Moss ${info.project.name}`);
  await expect(page.getByRole("heading", { name: `Welcome, Casey Moss ${info.project.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);

  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText(ADMIN.email)).toHaveCount(0);
});

test("a name that looks like another member's is refused and kept to edit", async ({ page, baseURL }, info) => {
  const taken = `Dr Noor Rahman ${info.project.name}`;
  await createMember(baseURL!, "supervisor", uniqueEmail("noor", info), taken);
  const link = await inviteAs(page, uniqueEmail("spoof", info), "clinician");
  // A Cyrillic "о" in place of the Latin one draws the same.
  const spoof = taken.replace("Noor", "N\u043eor");
  await register(page, link, spoof);
  await expect(page.getByRole("alert")).toContainText("looks the same as this one");
  await expect(page.getByLabel("Your name, as other members will see it")).toHaveValue(spoof);
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
