import { expect, test } from "@playwright/test";
import { inflateRawSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { PASSWORD, createMember, signInAs, uniqueEmail } from "./helpers";

/** The files of a ZIP archive, read from its central directory (deflate or stored). */
function unzip(zip: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, "an end-of-directory record").toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString("utf8"));
    at += 46 + skip;
  }
  return files;
}

// A member downloads everything the forum holds about them from the account page, with
// JavaScript on and off, and can open it.
test("a member downloads their data from the account page", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("export", info);
  const name = `Exporter ${info.project.name}`;
  await createMember(baseURL!, "clinician", email, name);
  await signInAs(page, email);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^caseroom-export-\d+\.zip$/);
  const files = unzip(readFileSync(await download.path()));
  expect([...files.keys()]).toContain("caseroom-export/index.html");
  const account = JSON.parse(files.get("caseroom-export/account.json")!);
  expect(account.account.email).toBe(email);
  expect(account.account.display_name).toBe(name);
  expect(files.get("caseroom-export/index.html")).toContain("Your Caseroom data");
});

// A member deletes their account from the account page, with JavaScript on and off: the
// password, the choice about their posts and the confirmation; then they cannot sign in.
test("a member deletes their account", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("erase", info);
  await createMember(baseURL!, "clinician", email, `Leaving ${info.project.name}`);
  await signInAs(page, email);
  await page.goto("/account");
  const section = page.locator("#erase");
  await expect(section.getByRole("heading", { name: "Delete your account" })).toBeVisible();
  await section.getByLabel("Remove them with my account").check();
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByLabel("I understand my account cannot be brought back").check();
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login\?notice=account-erased$/);
  await expect(page.getByText("The account is erased")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error, [role=alert]").first()).toBeVisible();
});
