import { expect, test } from "@playwright/test";
import { approveCase, caseIdOf, confirmChecklist, createMember, fillCase, signInAs, signOut, uniqueEmail } from "./helpers";

test("an identifier hidden in the Markdown is caught where the author typed it", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("hide.author", info);
  await createMember(baseURL!, "clinician", author, `Hide Author ${info.project.name}`);
  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, {
    title: `A case that spells a name oddly (${info.project.name} ${Date.now()})`,
    situation: "Her name is M&#97;ria Ok&#97;for and she is stuck.",
    stuck: "I cannot reach her.",
    asking: "What am I missing?",
  });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("alert")).toContainText("could identify a client");
  await expect(page.locator("mark", { hasText: "M&#97;ria Ok&#97;for" })).toBeVisible();
  await expect(page.getByLabel("Situation")).toHaveValue(/M&#97;ria/);
});

test("an author closes a case, a moderator locks one, and the page offers only what the server accepts", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("lock.author", info);
  const peer = uniqueEmail("lock.peer", info);
  const moderator = uniqueEmail("lock.mod", info);
  await createMember(baseURL!, "clinician", author, `Lock Author ${info.project.name}`);
  await createMember(baseURL!, "clinician", peer, `Lock Peer ${info.project.name}`);
  await createMember(baseURL!, "moderator", moderator, `Lock Mod ${info.project.name}`);
  const title = `A case that is closed and locked (${info.project.name} ${Date.now()})`;

  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, { title, situation: "A man in his 50s who misses sessions.", stuck: "He says all is fine.", asking: "Where do I go?" });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseUrl = `/cases/${caseIdOf(page)}`;
  await approveCase(baseURL!, caseIdOf(page), info);
  await page.goto(caseUrl);
  await page.getByRole("button", { name: "Close the case" }).click();
  await expect(page.getByText("The case is closed to new replies and follow-ups.")).toBeVisible();
  await expect(page.getByText("Its author closed this case")).toBeVisible();
  await expect(page.getByRole("button", { name: "Post reply" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Share what happened next" })).toHaveCount(0);
  await page.getByRole("button", { name: "Open the case again" }).click();
  await expect(page.getByText("The case is open again.")).toBeVisible();
  await signOut(page);

  // The moderator locks it with a reason.
  await signInAs(page, moderator);
  await page.goto(caseUrl);
  await page.getByText("Lock this case").click();
  await page.getByLabel("Reason (the author sees it)").fill("The replies drifted toward details of the family.");
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(page.getByText("The case is locked")).toBeVisible();
  await signOut(page);

  // The peer sees that it is locked, without the reason and without a reply form.
  await signInAs(page, peer);
  await page.goto(caseUrl);
  await expect(page.getByText("A moderator locked this case")).toBeVisible();
  await expect(page.getByText("drifted toward details")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Post reply" })).toHaveCount(0);
  await signOut(page);

  // The author sees the reason.
  await signInAs(page, author);
  await page.goto(caseUrl);
  await expect(page.getByText("drifted toward details of the family")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit case" })).toHaveCount(0);
});
