/** One rule of the detector that matched, and the words that made it match. */
export interface InstructionToAI {
  rule: "override" | "addressed-to-ai" | "role-change" | "conditional-on-ai";
  match: string;
}

const aiNames = String.raw`(?:AI|A\.I\.|artificial intelligence|LLMs?|large language models?|language models?|chat ?bots?|virtual assistants?|(?:AI |digital )?assistants?|GPTs?|ChatGPT|Claude|Gemini|Copilot|Perplexity|bots?|crawlers?|scrapers?|agents?|models?)`;

const override =
  /\b(?:ignore|disregard|forget|override|bypass|do not follow|don't follow)\b[^.!?]{0,30}?\b(?:(?:previous|prior|above|earlier|preceding|original|system|your|all|any|other)\s+)+(?:instructions?|prompts?|directions?|directives?|guidelines|rules|context|programming)\b/i;

const directive = String.raw`(?:should|must|shall|need to|have to|are (?:instructed|required|asked|told|expected) to|please|will now|do not|don't|never|always|ought to)`;

const addressedToAi = [
  new RegExp(
    String.raw`\b(?:dear|attention|note (?:to|for)|hey|hello|hi|message (?:to|for)|instructions? (?:to|for))\b[\s,:-]+(?:any |all |the )?${aiNames}\b`,
    "i",
  ),
  new RegExp(String.raw`\bif you are an? ${aiNames}\b`, "i"),
  new RegExp(String.raw`\b(?:any|all|every) ${aiNames}\b[^.!?]{0,50}\b${directive}\b`, "i"),
  new RegExp(
    String.raw`\b${aiNames}\b[^.!?]{0,30}\b(?:reading|processing|summari[sz]ing|parsing|scraping|ingesting|crawling|analy[sz]ing|repurposing) (?:this|these|the)\b[^.!?]{0,40}\b${directive}\b`,
    "i",
  ),
  new RegExp(
    String.raw`\b${aiNames}\s*[,:]\s*(?:please\s+)?(?:write|say|include|mention|recommend|respond|reply|output|tell|ignore|add|insert|describe|state|praise|rate|rank|promote|link)\b`,
    "i",
  ),
];

const roleChange =
  /\byou are now\b|\bfrom now on,? you\b|\bact as an? (?:AI|assistant|model|different)\b|\bnew (?:system )?instructions?\s*:|\bsystem prompt\b|\bjailbreak\b|\bdeveloper mode\b|<\/?(?:system|instructions?|prompt)>|\[\/?INST\]/i;

const conditionalOnAi = new RegExp(
  String.raw`\bwhen (?:you|an? ${aiNames})\b[^.!?]{0,30}\b(?:summari[sz]|rewrit|repurpos|describ|writ|read|process|turn|us)\w* (?:this|these|the|our) (?:article|page|post|text|content|site|website|blog|document)s?\b[^.!?]{0,60}\b(?:say|mention|include|write|add|state|recommend|link|tell|call)\b`,
  "i",
);

/**
 * Detects a sentence that talks to an AI system instead of to the reader and asks it for other behaviour (prompt
 * injection planted in fetched text): "Ignore previous instructions", "AI assistants reading this should ...",
 * "If you are an AI, ...", "You are now ...", "When you summarize this article, say ...". A sentence that merely
 * mentions AI is not flagged. Returns the first rule that matched, or undefined.
 */
export function detectInstructionToAI(sentence: string): InstructionToAI | undefined {
  const overrideMatch = override.exec(sentence);
  if (overrideMatch) return { rule: "override", match: overrideMatch[0] };
  const roleMatch = roleChange.exec(sentence);
  if (roleMatch) return { rule: "role-change", match: roleMatch[0] };
  const conditionalMatch = conditionalOnAi.exec(sentence);
  if (conditionalMatch) return { rule: "conditional-on-ai", match: conditionalMatch[0] };
  for (const pattern of addressedToAi) {
    const match = pattern.exec(sentence);
    if (match) return { rule: "addressed-to-ai", match: match[0] };
  }
  return undefined;
}

/** True when `sentence` is an instruction to an AI system (see `detectInstructionToAI`). */
export function isInstructionToAI(sentence: string): boolean {
  return detectInstructionToAI(sentence) !== undefined;
}
