import { expect, test } from "@playwright/test";
import { confirmChecklist, createMember, fillCase, signInAs, uniqueEmail } from "./helpers";

// A clinician who named the same blind spot in two cases finds it under "My blind spots" and
// downloads the page as a file. JavaScript on and off.
test("a clinician sees what recurs across their cases", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("blindspots", info);
  const stamp = `${info.project.name} ${Date.now()}`;
  await createMember(baseURL!, "clinician", author, `Blind Spots ${stamp}`);
  await signInAs(page, author);
  for (const [n, spot] of [["one", "I want to rescue him."], ["two", "Rescuing again, I think."]]) {
    await page.goto("/cases/new");
    await fillCase(page, { title: `Case ${n} for the themes (${stamp})`, situation: "A client who goes quiet.", stuck: "I fill the silence.", asking: "What am I missing?" });
    await page.getByLabel("The blind spot I suspect (optional)").fill(spot);
    await confirmChecklist(page);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Your case is in the review queue.")).toBeVisible();
  }
  await page.goto("/cases/mine");
  await page.getByRole("link", { name: "My blind spots" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My blind spots" })).toBeVisible();
  const themes = page.locator("ul.themes li").filter({ hasText: "rescue" });
  await expect(themes).toContainText("in 2 cases");
  await expect(themes.getByRole("link", { name: `Case one for the themes (${stamp})` })).toBeVisible();
  await expect(page.getByText("Rescuing again, I think.")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as a file" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("caseroom-my-blind-spots.md");
  const path = await file.path();
  const text = require("fs").readFileSync(path, "utf8");
  expect(text).toContain("# My blind spots");
  expect(text).toContain("> I want to rescue him\\.");
});
