import { expect, test } from "@playwright/test";
import { ADMIN, createMember, signIn, signInAs, uniqueEmail } from "./helpers";

// A member changes their display name on the account page; a refused name keeps what they
// typed. JavaScript on and off.
test("a member changes their display name", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("rename", info);
  const stamp = `${info.project.name} ${Date.now()}`;
  await createMember(baseURL!, "clinician", email, `Before Rename ${stamp}`);
  await signInAs(page, email);
  await page.goto("/account");
  const field = page.getByLabel("Display name");
  await expect(field).toHaveValue(`Before Rename ${stamp}`);
  await field.fill("R");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("at least 2 characters")).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue("R");
  await page.getByLabel("Display name").fill(`After Rename ${stamp}`);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page).toHaveURL(/\/account\?notice=name-changed$/);
  await expect(page.getByText("Your name is changed.")).toBeVisible();
  await expect(page.getByRole("link", { name: `After Rename ${stamp}` })).toBeVisible();
});

// An admin finds a member by part of their name. JavaScript on and off.
test("an admin finds a member in the member list", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("findme", info);
  const stamp = `${info.project.name}${Date.now()}`;
  await createMember(baseURL!, "clinician", email, `Findable Qx${stamp}`);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/users");
  await page.getByLabel("Find a member").fill(`qx${stamp}`);
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users\\?q=qx${stamp}`));
  await expect(page.getByText("1 member matches")).toBeVisible();
  await expect(page.locator(".member-head strong")).toHaveText(`Findable Qx${stamp}`);
  await expect(page.getByText(email)).toBeVisible();
});

// A member gives a title and discipline; peers see them beside the member's name. Something
// that could identify a client is refused with what was typed kept. JavaScript on and off.
test("a member gives a professional title and discipline", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("titled", info);
  const stamp = `${info.project.name} ${Date.now()}`;
  await createMember(baseURL!, "clinician", email, `Titled Member ${stamp}`);
  await signInAs(page, email);
  await page.goto("/account");
  await page.getByLabel("Professional title").fill("Counsellor, write to me at jo@example.org");
  await page.getByLabel("Discipline").fill("Person-centred");
  await page.getByRole("button", { name: "Save title and discipline" }).click();
  await expect(page.locator("#professional_title-error")).toContainText("could identify a client");
  await expect(page.getByLabel("Professional title")).toHaveValue("Counsellor, write to me at jo@example.org");
  await expect(page.getByLabel("Discipline")).toHaveValue("Person-centred");
  await page.getByLabel("Professional title").fill("Counsellor");
  await page.getByRole("button", { name: "Save title and discipline" }).click();
  await expect(page).toHaveURL(/\/account\?notice=profile-saved$/);
  await expect(page.getByText("Saved. Members see your title and discipline")).toBeVisible();
  await expect(page.getByLabel("Professional title")).toHaveValue("Counsellor");
  await expect(page.getByLabel("Discipline")).toHaveValue("Person-centred");
});

// A member switches to dark colours; every page keeps them, on any device. JavaScript on and off.
test("a member chooses dark colours and they are remembered", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("dark", info);
  await createMember(baseURL!, "clinician", email, `Dark Member ${info.project.name} ${Date.now()}`);
  await signInAs(page, email);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/account");
  await expect(page.getByLabel("Match my device")).toBeChecked();
  await page.getByLabel("Dark").check();
  await page.getByRole("button", { name: "Save colours" }).click();
  await expect(page.getByText("Saved: every page uses these colours for you now.")).toBeVisible();
  await expect(page.getByLabel("Dark")).toBeChecked();
  await page.goto("/cases");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(background).toBe("rgb(22, 24, 28)");
});
