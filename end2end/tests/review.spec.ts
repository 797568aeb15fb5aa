import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { approveCase, caseIdOf, confirmChecklist, createMember, fillCase, signInAs, signOut, uniqueEmail } from "./helpers";

test("a case is fixed, confirmed, reviewed with the checklist, approved, and then read by a peer", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("review.author", info);
  const moderator = uniqueEmail("review.mod", info);
  const peer = uniqueEmail("review.peer", info);
  await createMember(baseURL!, "clinician", author, `Review Author ${info.project.name}`);
  await createMember(baseURL!, "moderator", moderator, `Review Mod ${info.project.name}`);
  await createMember(baseURL!, "clinician", peer, `Review Peer ${info.project.name}`);
  const title = `A client who texts at night (${info.project.name} ${Date.now()})`;

  // The clinician writes a case with a phone number; the scanner blocks it.
  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, {
    title,
    situation: "He texts me from 503-555-0199 late at night.",
    stuck: "I answer, and then resent it.",
    asking: "How do I hold the frame?",
    modality: "psychodynamic",
  });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("alert")).toContainText("could identify a client");
  // The checklist was not confirmed either; that is said too, once the number is gone.
  await page.getByLabel("Situation").fill("He texts me late at night.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator("#checklist")).toContainText("Confirm every item of the de-identification checklist");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Waiting for a moderator's review.")).toBeVisible();
  const caseUrl = `/cases/${caseIdOf(page)}`;
  await signOut(page);

  // A peer cannot find it yet.
  await signInAs(page, peer);
  const hidden = await page.goto(caseUrl);
  expect(hidden?.status()).toBe(404);
  await page.goto("/cases");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await signOut(page);

  // The moderator finds it in the queue, claims it, and approves once the checklist is complete.
  await signInAs(page, moderator);
  await page.getByRole("link", { name: /^Review queue \(\d+\)$/ }).click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: "The author's checklist" })).toBeVisible();
  await expect(page.getByText("This is a composite of more than one client.")).toBeVisible();
  await page.getByRole("button", { name: "Claim this case" }).click();
  await expect(page.getByText("You claimed this case.").first()).toBeVisible();
  if (info.project.name === "js") {
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `review page: ${v.id} ${v.nodes.map((n) => n.html).join(" ")}`)).toEqual([]);
  }
  // With the checklist incomplete the browser does not send the approval.
  const approve = page.getByRole("button", { name: "Approve and publish" });
  await approve.click();
  await expect(page).toHaveURL(/\/review\/\d+/);
  await expect(approve).toBeVisible();
  for (const group of await page.locator("fieldset.tick").all()) {
    await group.getByLabel("Absent").check();
  }
  await approve.click();
  await expect(page.getByText("Approved: the case is published")).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await signOut(page);

  // The author is told; the peer reads it.
  await signInAs(page, author);
  await page.getByRole("link", { name: /^Notifications/ }).click();
  await expect(page.getByText("A moderator approved your case.").first()).toBeVisible();
  await signOut(page);
  await signInAs(page, peer);
  await page.goto("/cases");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(".case")).toContainText("He texts me late at night.");
});

test("a returned case carries the moderator's reason back to its author", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("returned.author", info);
  const moderator = uniqueEmail("returning.mod", info);
  await createMember(baseURL!, "clinician", author, `Returned Author ${info.project.name}`);
  await createMember(baseURL!, "moderator", moderator, `Returning Mod ${info.project.name}`);
  const title = `A case that goes back (${info.project.name} ${Date.now()})`;
  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, {
    title,
    situation: "She works at the only bakery in a small coastal town.",
    stuck: "I am not sure what to leave out.",
    asking: "What would you change?",
    sessions: "2-5",
  });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const id = caseIdOf(page);
  await signOut(page);

  await signInAs(page, moderator);
  await page.goto(`/review/${id}`);
  const reason = "The bakery and the small town together point to one person. Please generalise both.";
  await page.getByLabel("Reason for the author").fill(reason);
  await page.getByRole("button", { name: "Return to the author" }).click();
  await expect(page.getByText("Returned to the author with your reason.")).toBeVisible();
  await signOut(page);

  await signInAs(page, author);
  await page.getByRole("link", { name: /^Notifications/ }).click();
  await expect(page.locator(".notifications")).toContainText(reason);
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.locator(".review-status")).toContainText(reason);
  await page.getByRole("link", { name: "Edit case" }).click();
  await page.getByLabel("Situation").fill("She works in a small business.");
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Save and resubmit for review" }).click();
  await expect(page.getByText("the case is back in the review queue")).toBeVisible();
});

test("two members flag a case as possibly identifying and it disappears until reviewed", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("flagged.author", info);
  const first = uniqueEmail("flagger.one", info);
  const second = uniqueEmail("flagger.two", info);
  for (const [email, name] of [[author, "Flagged Author"], [first, "Flagger One"], [second, "Flagger Two"]]) {
    await createMember(baseURL!, "clinician", email, `${name} ${info.project.name}`);
  }
  const title = `A case two readers worry about (${info.project.name} ${Date.now()})`;
  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, {
    title,
    situation: "He is the only teacher of a rare language in his region.",
    stuck: "I want to keep the detail.",
    asking: "Is it too much?",
    sessions: "2-5",
  });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseUrl = `/cases/${caseIdOf(page)}`;
  await approveCase(baseURL!, caseIdOf(page), info);
  await signOut(page);

  for (const [email, hides] of [[first, false], [second, true]] as const) {
    await signInAs(page, email);
    await page.goto(caseUrl);
    await page.getByText("Flag this case").click();
    await page.getByLabel("It may identify a client").check();
    await page.getByLabel("Note for the moderators (optional)").fill("A rare language narrows it to a few people.");
    await page.getByRole("button", { name: "Send flag" }).click();
    if (hides) {
      await expect(page.getByText("The case is hidden from members until a moderator has reviewed it.")).toBeVisible();
      await expect(page.getByRole("link", { name: title })).toHaveCount(0);
      expect((await page.goto(caseUrl))?.status()).toBe(404);
    } else {
      await expect(page.getByText("Your flag was sent to the moderators.")).toBeVisible();
    }
    await signOut(page);
  }
});
