import AxeBuilder from "@axe-core/playwright";
import { expect, Page, test, TestInfo } from "@playwright/test";
import {
  ADMIN,
  approveCase,
  caseIdOf,
  confirmChecklist,
  createMember,
  fillCase,
  signIn,
  signInAs,
  signOut,
  uniqueEmail,
} from "./helpers";

function letters(n: number): string {
  let out = "";
  for (let i = 0; i < 5; i++) {
    out += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  }
  return out;
}

async function axeClean(page: Page, path: string, info: TestInfo) {
  if (info.project.name !== "js") return;
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${path}: ${v.id}`)).toEqual([]);
}

test("a group supervisor runs a closed consultation group; nobody outside finds its case", async ({ page, baseURL }, info) => {
  // Letters only: a number in a group's name reads to the scanner like an identifier.
  const run = `${info.project.name} ${letters(Date.now() % 1_000_000 + Math.floor(Math.random() * 1e6))}`;
  const lead = uniqueEmail("group.lead", info);
  const peer = uniqueEmail("group.peer", info);
  const outsider = uniqueEmail("group.outsider", info);
  await createMember(baseURL!, "supervisor", lead, `Group Lead ${run}`);
  await createMember(baseURL!, "clinician", peer, `Group Peer ${run}`);
  await createMember(baseURL!, "clinician", outsider, `Group Outsider ${run}`);
  const name = `Thursday group ${run}`;
  const title = `A client who goes quiet in the group's room (${run})`;

  // The admin creates the group and hands it to its group supervisor.
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Groups" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description (optional)").fill("We meet on Thursdays.");
  await page.getByRole("button", { name: "Create the group" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByLabel("Their email address on Caseroom").fill(lead);
  await page.getByLabel("Group supervisor").check();
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("The invitation was sent.")).toBeVisible();
  const groupUrl = page.url().replace(/\?.*$/, "");
  await signOut(page);

  // The lead finds the invitation with the notifications and accepts it, then invites a peer.
  await signInAs(page, lead);
  await page.getByRole("link", { name: /^Notifications \(1\)$/ }).click();
  await expect(page.getByText(`invites you to the group \u201c${name}\u201d as group supervisor`)).toBeVisible();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("You joined the group.")).toBeVisible();
  await page.getByLabel("Their email address on Caseroom").fill(peer);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("The invitation was sent.")).toBeVisible();
  await axeClean(page, "/groups/{id}", info);
  await signOut(page);

  // The peer accepts from "My groups" and brings a case to the group.
  await signInAs(page, peer);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Groups" }).click();
  await axeClean(page, "/groups", info);
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("link", { name: "Bring a case to this group" }).click();
  await expect(page.getByLabel("Audience")).toHaveValue(groupUrl.split("/").pop()!);
  await fillCase(page, {
    title,
    situation: "A woman in her 40s who falls silent whenever the group is mentioned.",
    stuck: "I fill the silence and then feel I have taken the session from her.",
    asking: "What might I be avoiding?",
  });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseId = caseIdOf(page);
  await signOut(page);

  // While it waits, the lead sees where it stands, not what it says.
  await signInAs(page, lead);
  await page.goto(groupUrl);
  await expect(page.getByText(`Case ${caseId}: waiting for a moderator`)).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await signOut(page);
  await approveCase(baseURL!, caseId, info);

  // Published to the group: the lead reads it; an outsider finds no trace of it.
  await signInAs(page, lead);
  await page.goto(groupUrl);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: `Group: ${name}` })).toBeVisible();
  await signOut(page);
  await signInAs(page, outsider);
  await page.goto("/cases");
  await expect(page.getByText(title)).toHaveCount(0);
  await page.goto(`/search?q=${encodeURIComponent("falls silent whenever")}`);
  await expect(page.getByText(title)).toHaveCount(0);
  for (const path of [`/cases/${caseId}`, groupUrl.replace(/^https?:\/\/[^/]+/, "")]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  await signOut(page);

  // The lead removes the peer with a reason: the peer loses the group and their own case.
  await signInAs(page, lead);
  await page.goto(groupUrl);
  await page.getByText(`Remove Group Peer ${run}`, { exact: true }).click();
  await page.getByRole("button", { name: `Remove Group Peer ${run} from the group` }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await page.getByLabel(`Why Group Peer ${run} is removed`, { exact: false }).fill("Moved to another team.");
  await page.getByRole("button", { name: `Remove Group Peer ${run} from the group` }).click();
  await expect(page.getByText("The member was removed.")).toBeVisible();
  await expect(page.getByText("Moved to another team.")).toBeVisible();
  await signOut(page);
  await signInAs(page, peer);
  const res = await page.goto(`/cases/${caseId}`);
  expect(res?.status()).toBe(404);
});
