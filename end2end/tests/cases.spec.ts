import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { approveCase, approveReply, caseIdOf, confirmChecklist, createMember, fillCase, signInAs, signOut, uniqueEmail } from "./helpers";

test("a clinician posts a case, a supervisor gives feedback, the clinician marks it helpful and follows up", async ({ page, baseURL }, info) => {
  const clinician = uniqueEmail("author", info);
  const supervisor = uniqueEmail("supervisor", info);
  // Names carry the project: the JS and no-JS runs share one database and run at once.
  const supervisorName = `Dr Mira Hale ${info.project.name}`;
  await createMember(baseURL!, "clinician", clinician, `Alex Rowan ${info.project.name}`);
  await createMember(baseURL!, "supervisor", supervisor, supervisorName);
  const title = `Stuck with a client who cancels (${info.project.name} ${Date.now()})`;

  // The clinician writes the case, previews it, confirms the checklist and submits it.
  await signInAs(page, clinician);
  await page.getByRole("link", { name: "Cases", exact: true }).click();
  await page.getByRole("link", { name: "Bring a case" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Client age band").selectOption("adult");
  await page.getByLabel("Setting").selectOption("outpatient");
  await page.getByLabel("Modality").selectOption("cbt");
  await page.getByLabel("Sessions so far").selectOption("6-15");
  await page.getByLabel("Anxiety").check();
  await page.getByLabel("Situation").fill("A woman in her 30s who **cancels** every third session.");
  await page.getByLabel("Where I am stuck").fill("She agrees with the pattern, then cancels again.");
  await page.getByLabel("What I am asking").fill("What might I be missing?");
  await page.getByLabel("Supervisor of record (optional)").selectOption({ label: supervisorName });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(page.locator(".preview strong")).toHaveText("cancels");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(`Supervisor of record: ${supervisorName}`)).toBeVisible();
  await expect(page.getByText("Your case is in the review queue.")).toBeVisible();
  await approveCase(baseURL!, caseIdOf(page), info);
  await signOut(page);

  // The supervisor, notified, replies; the reply stands out as supervisor feedback.
  await signInAs(page, supervisor);
  await page.getByRole("link", { name: /^Notifications/ }).click();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("textbox", { name: "Reply", exact: true }).fill("Consider what the cancellations protect her from.");
  await page.getByRole("button", { name: "Post reply" }).click();
  const feedback = page.locator(".reply.supervisor-feedback");
  await expect(feedback).toContainText("Supervisor feedback");
  await expect(feedback).toContainText("Consider what the cancellations protect her from.");
  // A supervisor new to the forum has few approved posts: the reply waits for a moderator.
  await expect(page.getByText("Your reply waits for a moderator")).toBeVisible();
  await expect(feedback).toContainText("Pending review");
  await approveReply(baseURL!, page.url().split("#reply-")[1], info);
  await signOut(page);

  // The clinician marks it helpful and posts what happened next.
  await signInAs(page, clinician);
  await page.getByRole("link", { name: "My cases" }).click();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Mark helpful" }).click();
  await expect(feedback).toContainText("Marked helpful");
  // The follow-up passes the same gate as the case: a phone number is caught, the text kept.
  await page.getByRole("link", { name: "Share what happened next" }).click();
  if (info.project.name === "js") {
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `follow-up page: ${v.id} ${v.nodes.map((n) => n.html).join(" ")}`)).toEqual([]);
  }
  await page.getByLabel("Follow-up").fill("She rang me from 503-555-0147 to say she has attended since.");
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("alert")).toContainText("could identify a client");
  await expect(page.getByLabel("Follow-up")).toHaveValue(/503-555-0147/);
  await page.getByLabel("Follow-up").fill("We talked about what the missed sessions protect; she has attended since.");
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Your follow-up is in the review queue with the case.")).toBeVisible();
  await expect(page.getByText("Waiting for a moderator's review.")).toBeVisible();
  await approveCase(baseURL!, caseIdOf(page), info);
  await page.reload();
  await expect(page.getByRole("heading", { name: "What happened next", exact: true })).toBeVisible();
  await expect(page.locator(".case-head .state").first()).toHaveText("Follow-up posted");
});

test("a hostile Markdown post renders inert in Chromium", async ({ page, baseURL }, info) => {
  const clinician = uniqueEmail("hostile", info);
  await createMember(baseURL!, "clinician", clinician, `Sam Hostile ${info.project.name}`);
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!)) foreign.push(r.url());
  });
  await signInAs(page, clinician);
  await page.goto("/cases/new");
  const title = `</title><script>alert("title")</script> hostile ${info.project.name} ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Client age band").selectOption("adult");
  await page.getByLabel("Setting").selectOption("telehealth");
  await page.getByLabel("Modality").selectOption("act");
  await page.getByLabel("Sessions so far").selectOption("2-5");
  await page.getByLabel("Situation").fill(
    [
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(2)>",
      "![pixel](https://tracker.example/p.png)",
      "[click](javascript:alert(3)) [data](data:text/html,<script>alert(4)</script>)",
      "<iframe src=https://evil.example></iframe> <svg onload=alert(5)></svg>",
      "</textarea><script>alert(6)</script>",
    ].join("\n\n"),
  );
  await page.getByLabel("Where I am stuck").fill("<noscript><p title=\"</noscript><img src=x onerror=alert(7)>\">");
  await page.getByLabel("What I am asking").fill("<style>body{display:none}</style> Is this inert?");
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  // The scanner holds back the image and the web addresses until the author explains them.
  await expect(page.getByRole("heading", { name: /could identify a client/ })).toBeVisible();
  const reasons = page.locator("textarea[name^='explain.']");
  expect(await reasons.count()).toBeGreaterThan(0);
  for (const box of await reasons.all()) await box.fill("Not about a client: a test of escaping.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator("h1")).toContainText("hostile");
  await expect(page.locator(".prose").first()).toContainText("<script>alert(1)</script>");
  await expect(page.locator("body")).toBeVisible();
  // Links with forbidden schemes lose their target; nothing foreign is fetched.
  // An <a> without href is not even a link; clicking it goes nowhere.
  const dead = page.locator(".prose a", { hasText: "click" });
  await expect(dead).not.toHaveAttribute("href", /.*/);
  await dead.click();
  await page.reload();
  await page.waitForLoadState("networkidle");
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(await page.locator("main img, main iframe, main svg, main style, main script").count()).toBe(0);
});

test("the composer previews Markdown as the author types (JavaScript)", async ({ page, baseURL }, info) => {
  test.skip(info.project.name !== "js", "the no-JS composer previews with its Preview button");
  const clinician = uniqueEmail("live", info);
  await createMember(baseURL!, "clinician", clinician, `Live Preview ${info.project.name}`);
  await signInAs(page, clinician);
  await page.goto("/cases/new");
  const situation = page.getByLabel("Situation");
  const preview = page.locator(".live-preview").first();
  await expect(preview).toBeHidden();
  // Hydration happens at idle time; retry until the island answers.
  await expect(async () => {
    await situation.fill("");
    await situation.pressSequentially("Some **bold** and <script>alert(1)</script>");
    await expect(preview.locator("strong")).toHaveText("bold", { timeout: 2_000 });
  }).toPass();
  await expect(preview).toContainText("<script>alert(1)</script>");
  await expect(page.getByText(/^4\d \/ 8000 characters$/).first()).toBeVisible();
});

test("the scanner blocks a phone number until the clinician takes it out", async ({ page, baseURL }, info) => {
  const clinician = uniqueEmail("scan", info);
  await createMember(baseURL!, "clinician", clinician, `Scan Author ${info.project.name}`);
  await signInAs(page, clinician);
  await page.goto("/cases/new");
  const title = `Out of hours contact (${info.project.name})`;
  await fillCase(page, {
    title,
    situation: "She asked me to ring her on 503-555-0147 after hours.",
    stuck: "I said yes before I thought about it.",
    asking: "How do I take it back?",
    sessions: "2-5",
  });

  // Check: the number is highlighted in place, with the reason and safer wording.
  await page.getByRole("button", { name: "Check for identifiers" }).click();
  const report = page.locator(".scan-report");
  await expect(report.getByRole("heading", { name: /could identify a client/ })).toBeVisible();
  await expect(report.locator("mark.block")).toContainText("503-555-0147");
  await expect(report).toContainText("phone number (blocks publishing)");
  await expect(report).toContainText("leave the number out");
  await expect(page.getByLabel("Situation")).toHaveValue(/503-555-0147/);
  if (info.project.name === "js") {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `report: ${v.id}`)).toEqual([]);
  }

  // Submitting is refused while it stays, and nothing is lost.
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("alert")).toContainText("could identify a client");
  await expect(page.getByLabel("Title")).toHaveValue(title);

  // Taken out: submitted.
  await page.getByLabel("Situation").fill("She asked me to ring her after hours.");
  await page.getByRole("button", { name: "Check for identifiers" }).click();
  await expect(page.getByRole("heading", { name: "No identifiers found" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("the composer flags identifiers as the author types (JavaScript)", async ({ page, baseURL }, info) => {
  test.skip(info.project.name !== "js", "without JavaScript the Check button does this");
  const clinician = uniqueEmail("livescan", info);
  await createMember(baseURL!, "clinician", clinician, `Live Scan ${info.project.name}`);
  await signInAs(page, clinician);
  await page.goto("/cases/new");
  const situation = page.getByLabel("Situation");
  const live = page.locator(".live-preview").first();
  await expect(async () => {
    await situation.fill("");
    await situation.pressSequentially("Maria moved to Portland in March.");
    await expect(live.locator("mark.block").first()).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(live.locator("mark.block")).toHaveText(["Maria1", "Portland2", "March3"]);
  await expect(live).toContainText("in early spring");
  await situation.fill("A woman in her 30s moved to a mid-sized city.");
  await expect(live.getByRole("heading", { name: "No identifiers found" })).toBeVisible();
});
