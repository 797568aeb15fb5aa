import { expect, Page, test, TestInfo } from "@playwright/test";
import { approveCase, approveReply, caseIdOf, confirmChecklist, createMember, fillCase, signInAs, signOut, uniqueEmail } from "./helpers";

/** The author posts a case and a moderator approves it; returns its path. */
async function publishedCase(page: Page, baseURL: string, info: TestInfo, title: string): Promise<string> {
  await page.goto("/cases/new");
  await fillCase(page, { title, situation: "A man in his 50s who talks only about his garden.", stuck: "I follow him there.", asking: "What is the garden for?" });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const id = caseIdOf(page);
  await approveCase(baseURL, id, info);
  return `/cases/${id}`;
}

/** Posts a reply on the open case page; a reply held at the gate is approved. */
async function reply(page: Page, baseURL: string, info: TestInfo, text: string) {
  await page.getByRole("textbox", { name: "Reply", exact: true }).fill(text);
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(page.locator(".reply").filter({ hasText: text })).toBeVisible();
  if (page.url().includes("notice=reply-held")) {
    await approveReply(baseURL, page.url().split("#reply-")[1], info);
    await page.reload();
  }
}

// A peer deletes their own reply: readers see that a reply was there, not what it said or who
// wrote it. JavaScript on and off.
test("a member deletes their reply and readers see a tombstone", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("tomb.author", info);
  const peer = uniqueEmail("tomb.peer", info);
  const stamp = `${info.project.name} ${Date.now()}`;
  await createMember(baseURL!, "clinician", author, `Tomb Author ${stamp}`);
  await createMember(baseURL!, "clinician", peer, `Tomb Peer ${stamp}`);
  await signInAs(page, author);
  const caseUrl = await publishedCase(page, baseURL!, info, `A case with a regretted reply (${stamp})`);
  await signOut(page);

  await signInAs(page, peer);
  await page.goto(caseUrl);
  const words = `A reply I regret writing (${stamp})`;
  await reply(page, baseURL!, info, words);
  const card = page.locator(".reply").filter({ hasText: words });
  await card.getByText("Delete", { exact: true }).click();
  await card.getByLabel("Yes, delete this reply.").check();
  await card.getByRole("button", { name: "Delete this reply" }).click();
  await expect(page.getByText("Your reply is deleted.")).toBeVisible();
  await expect(page.locator(".reply.tombstone")).toContainText("was deleted by its author");
  await expect(page.getByText(words)).toHaveCount(0);
  await signOut(page);

  await signInAs(page, author);
  await page.goto(caseUrl);
  await expect(page.locator(".reply.tombstone")).toContainText("was deleted by its author");
  await expect(page.getByText(words)).toHaveCount(0);
  await expect(page.getByText(`Tomb Peer ${stamp}`)).toHaveCount(0);
});

// A member watches a case they have not replied to, is told of a new reply, and stops.
// JavaScript on and off.
test("a member watches a case and is told of its new replies", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("watch.author", info);
  const watcher = uniqueEmail("watch.peer", info);
  const stamp = `${info.project.name} ${Date.now()}`;
  await createMember(baseURL!, "clinician", author, `Watch Author ${stamp}`);
  await createMember(baseURL!, "clinician", watcher, `Watch Peer ${stamp}`);
  await signInAs(page, author);
  const title = `A case worth watching (${stamp})`;
  const caseUrl = await publishedCase(page, baseURL!, info, title);
  await page.goto(caseUrl);
  await expect(page.getByText("You are watching this case")).toBeVisible();
  await signOut(page);

  await signInAs(page, watcher);
  await page.goto(caseUrl);
  await expect(page.getByText("You are not watching this case.")).toBeVisible();
  await page.getByRole("button", { name: "Watch this case" }).click();
  await expect(page.getByText("You are watching this case: you will be told of its new replies.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop watching" })).toBeVisible();
  await signOut(page);

  await signInAs(page, author);
  await page.goto(caseUrl);
  await reply(page, baseURL!, info, `The author adds a thought (${stamp})`);
  await signOut(page);

  await signInAs(page, watcher);
  await page.goto("/notifications");
  const note = page.locator("li").filter({ hasText: "There is a new reply on a case you watch." });
  await expect(note.getByRole("link", { name: title })).toBeVisible();
  await note.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Stop watching" }).click();
  await expect(page.getByText("You stopped watching this case.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Watch this case" })).toBeVisible();
});
