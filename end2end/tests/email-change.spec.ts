import { expect, test } from "@playwright/test";
import { PASSWORD, createMember, signIn, signInAs, uniqueEmail } from "./helpers";
import { awaitMessage, linkIn } from "./mail";

// A member moves to a new address: the password, a link at the new address, a button; then
// the new address signs in and the old one is told. JavaScript on and off.
test("a member changes their email from a link sent to the new address", async ({ page, baseURL }, info) => {
  const old = uniqueEmail("move.old", info);
  const next = uniqueEmail("move.new", info);
  await createMember(baseURL!, "clinician", old, `Moving Member ${info.project.name} ${Date.now()}`);
  await signInAs(page, old);
  await page.goto("/account#your-email");
  await page.getByLabel("New email").fill(next);
  await page.getByLabel("Your password, to change your email").fill("not the password at all");
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText("Your password is not right.")).toBeVisible();
  await expect(page.getByLabel("New email")).toHaveValue(next);
  await page.getByLabel("Your password, to change your email").fill(PASSWORD);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText("A link is on its way to the new address.")).toBeVisible();

  const message = await awaitMessage(next, "Confirm your new Caseroom email");
  await page.goto(linkIn(message, "/account/email/confirm?token="));
  await expect(page.getByText(next)).toBeVisible();
  await page.getByRole("button", { name: "Confirm the new email" }).click();
  await expect(page.getByText("Your email is changed.")).toBeVisible();
  await awaitMessage(old, "Your Caseroom email was changed");
  await page.context().clearCookies();
  await signIn(page, next, PASSWORD);
});
