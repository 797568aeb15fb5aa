import { expect, test } from "@playwright/test";
import { createMember, signInAs, uniqueEmail } from "./helpers";

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
