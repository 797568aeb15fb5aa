import { expect, test } from "@playwright/test";
import { createMember, signInAs, uniqueEmail } from "./helpers";

// The composer says how to format a case, with or without JavaScript: the help is plain HTML.
test("the composer's formatting help needs no script", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("mdhelp", info);
  await createMember(baseURL!, "clinician", email, `Format Help ${info.project.name} ${Date.now()}`);
  await signInAs(page, email);
  await page.goto("/cases/new");
  await expect(page.getByText("for bold,")).toBeHidden();
  await page.getByText("Formatting help").click();
  await expect(page.getByText("for bold,")).toBeVisible();
  await expect(page.getByText("lines indented by four spaces show exactly as typed")).toBeVisible();
});
