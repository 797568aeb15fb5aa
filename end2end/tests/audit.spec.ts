import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ADMIN, approveCase, caseIdOf, confirmChecklist, createMember, fillCase, signIn, signInAs, signOut, uniqueEmail } from "./helpers";

test("an admin finds who read a case in the audit log and exports it as CSV", async ({ page, baseURL }, info) => {
  const clinician = uniqueEmail("audited", info);
  const name = `Audit Reader ${info.project.name}`;
  await createMember(baseURL!, "clinician", clinician, name);

  // A clinician submits a case and reads it; a moderator approves it.
  await signInAs(page, clinician);
  await page.goto("/cases/new");
  const title = `A case whose readers are audited (${info.project.name} ${Date.now()})`;
  await fillCase(page, {
    title,
    situation: "A man in his 50s who arrives late to every session.",
    stuck: "I cannot tell whether to name it.",
    asking: "How would you raise it?",
  });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseId = caseIdOf(page);
  await approveCase(baseURL!, caseId, info);
  await signOut(page);

  // The admin filters the audit log by that case and sees the read, with the reader's name.
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Action").selectOption("case_viewed");
  await page.getByLabel("Case id").fill(caseId);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`case=${caseId}`));
  const rows = page.locator("table.audit tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("case viewed");
  await expect(rows.first()).toContainText(name);
  await expect(rows.first().getByRole("link", { name: `case ${caseId}` })).toBeVisible();
  expect(await page.content()).not.toContain("arrives late to every session");

  if (info.project.name === "js") {
    // axe runs as a script in the page, so only where JavaScript is on.
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }

  // The export carries the same filter and the same row.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toContain(`case=${caseId}`);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("id,at_utc,actor_id,actor_name,action,target_user_id,target_name,case_id,detail");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`,${name},case_viewed,,,${caseId},`);
});

test("a bad audit filter gets a clear message and keeps the form", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  const res = await page.goto("/admin/audit?from=2026-02-30");
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("From must be a date like 2026-11-22");
  await expect(page.getByLabel("From")).toHaveValue("");
  await expect(page.getByRole("button", { name: "Filter" })).toBeVisible();
});
