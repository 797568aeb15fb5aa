import { expect, request, test } from "@playwright/test";
import { ADMIN, createMember, signInAs, uniqueEmail } from "./helpers";
import { awaitMessage, linkIn } from "./mail";

// A member stops one kind of email from the link in a message, without signing in, and then
// chooses a daily digest for another on their account page; JavaScript on and off.
test("a member stops one kind of email from a message and chooses a digest for another", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("choices", info);
  await createMember(baseURL!, "clinician", email, `Chooser ${info.project.name}`);

  // An admin invites them into a consultation group: a message they subscribe to.
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! }, maxRedirects: 0 });
  expect((await admin.post("/login", { form: { email: ADMIN.email, password: ADMIN.password } })).status()).toBe(303);
  const name = `Choices ${info.project.name === "js" ? "Alpha" : "Beta"} ${"abcdefghij"[Math.floor(Math.random() * 10)]}${"klmnopqrst"[Math.floor(Math.random() * 10)]}`;
  const created = await admin.post("/groups", { form: { name, description: "" } });
  expect(created.status()).toBe(303);
  const group = created.headers()["location"].match(/\/groups\/(\d+)/)![1];
  const invited = await admin.post(`/groups/${group}/invite`, { form: { email, role: "member" } });
  expect(invited.status()).toBe(303);
  await admin.dispose();

  const message = await awaitMessage(email, "You are invited to a consultation group");
  expect(message.text).not.toContain(name);
  expect(message.text).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  await page.goto(linkIn(message, "/unsubscribe?"));
  await expect(page.getByRole("heading", { name: "Stop these emails?" })).toBeVisible();
  await page.getByRole("button", { name: "Stop these emails" }).click();
  await expect(page.getByRole("heading", { name: "Stopped" })).toBeVisible();
  await expect(page.getByText("You no longer get emails about invitations to consultation groups")).toBeVisible();

  await signInAs(page, email);
  await page.goto("/account");
  const invitations = page.getByRole("group", { name: "Invitations to consultation groups" });
  await expect(invitations.getByLabel("Never")).toBeChecked();
  const replies = page.getByRole("group", { name: "Replies to my cases" });
  await expect(replies.getByLabel("Immediately")).toBeChecked();
  await replies.getByLabel("In a daily digest").check();
  await page.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByText("Your email choices are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: "Replies to my cases" }).getByLabel("In a daily digest")).toBeChecked();
});
