import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN, PASSWORD, createMember, signIn, signInAs, signOut, uniqueEmail } from "./helpers";

/** What an authenticator app shows for a base32 key, `stepOffset` 30-second steps from now. */
function totp(secret: string, stepOffset = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + stepOffset));
  const hash = createHmac("sha1", key).update(counter).digest();
  const offset = hash[19] & 0x0f;
  const code = (hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, "0");
}

// A member turns on two-factor sign-in, keeps the recovery codes, and signs in with a code.
// JavaScript on and off.
test("a member signs in with two-factor sign-in", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("totp", info);
  await createMember(baseURL!, "clinician", email, `Two Factor ${info.project.name} ${Date.now()}`);
  await signInAs(page, email);
  await page.goto("/account#two-factor");
  await page.getByLabel("Your password, to set it up").fill(PASSWORD);
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.locator("code.secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Keep these recovery codes somewhere safe")).toBeVisible();
  await expect(page.locator("ul.recovery-codes li")).toHaveCount(10);
  await page.goto("/account");
  await expect(page.getByText("Two-factor sign-in is on. 10 recovery codes left.")).toBeVisible();
  await signOut(page);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor sign-in" })).toBeVisible();
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  // The code of the next step: the one the set-up took cannot be taken again.
  await page.getByLabel("Code").fill(totp(secret, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
});

// A member who lost the phone and the recovery codes asks an admin, who turns two-factor
// sign-in off from the member list; the password alone then signs in. JavaScript on and off.
test("an admin turns off a member's two-factor sign-in", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("lostphone", info);
  const stamp = `${info.project.name}${Date.now()}`;
  const name = `Lost Phone Qx${stamp}`;
  await createMember(baseURL!, "clinician", email, name);
  await signInAs(page, email);
  await page.goto("/account#two-factor");
  await page.getByLabel("Your password, to set it up").fill(PASSWORD);
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.locator("code.secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.locator("ul.recovery-codes li")).toHaveCount(10);
  await signOut(page);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/admin/users?q=qx${stamp}`);
  const row = page.locator("li.member").filter({ hasText: name });
  await expect(row.locator(".badge", { hasText: "Two-factor sign-in" })).toBeVisible();
  await row.getByText(`Turn off ${name}'s two-factor sign-in`).click();
  const turnOff = row.getByRole("button", { name: "Turn off two-factor sign-in" });
  // The box is required: the browser holds the form until it is ticked (the server too).
  const box = row.getByLabel("The member asked for this, and I checked it was them");
  await turnOff.click();
  expect(await box.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
  await expect(page).toHaveURL(new RegExp(`q=qx${stamp}$`));
  await box.check();
  await turnOff.click();
  await expect(page).toHaveURL(/notice=two-factor-reset/);
  await expect(page.getByText("Two-factor sign-in is off for that member.")).toBeVisible();
  await expect(row.locator(".badge", { hasText: "Two-factor sign-in" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
});
