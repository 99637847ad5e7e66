/**
 * A scenario's description read as a story: paragraphs saying what happens and what to watch,
 * then numbered steps a person does in the page ("1. Press Play."). Kept in the description
 * itself, so a shared link or an exported file carries its story with it; the page shows the
 * steps as a list, and anything else as plain paragraphs.
 */
export interface Story {
  /** Paragraphs before, between or after the steps, in order. */
  text: string[];
  /** The numbered steps, without their numbers. */
  steps: string[];
}

const STEP = /^\s*\d+[.)]\s+/;

export function storyOf(description: string | undefined): Story {
  const text: string[] = [];
  const steps: string[] = [];
  for (const raw of (description ?? '').split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (STEP.test(line)) steps.push(line.replace(STEP, ''));
    else text.push(line);
  }
  return { text, steps };
}
