import type { Page } from 'playwright-core';

/** Locates the editable area of the CodeMirror editor on a task page, present once CodeMirror has loaded. */
export function editorContent(page: Page) {
  return page.locator('.code-workspace .cm-content');
}

/**
 * Replaces the editor's whole text as a paste would. Typing character by character would trigger
 * auto-indentation and bracket closing and change the code.
 */
export async function setEditorCode(page: Page, code: string): Promise<void> {
  const content = editorContent(page);
  await content.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

/** Waits until the autosave status reports a draft stored on the server. */
export async function waitForServerDraft(page: Page): Promise<void> {
  await page.locator('.draft-status', { hasText: /Draft saved at|草稿已于 .* 保存。/ }).waitFor();
}
