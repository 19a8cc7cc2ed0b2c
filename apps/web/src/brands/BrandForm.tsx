"use client";

import type { Brand, BrandSuggestion, BrandVoice } from "@strategist/schemas";
import { BRAND_LIMITS, EMPTY_VOICE } from "@strategist/schemas/brand-limits";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { firstMessages } from "@/shared/field-messages";
import { brandRequests, describeBrandFailure } from "./requests";
import { DeleteBrand } from "./DeleteBrand";
import { StartFromWebsite } from "./StartFromWebsite";
import { VoiceEditor } from "./VoiceEditor";
import { VoiceSuggestionReview } from "./VoiceSuggestionReview";
import { SUGGESTED_LISTS, acceptAll, acceptOffered, offerOf, withdrawItem, type SuggestedVoice, type VoiceOffer } from "./voice-merge";
import "./brands.css";

type TextField = "name" | "industry" | "target_audience" | "goals" | "default_timezone";

const FIELDS: { name: TextField; label: string; hint: string; multiline?: boolean; optional?: boolean }[] = [
  { name: "name", label: "Brand name", hint: "Prefills the brief's brand name." },
  { name: "industry", label: "Industry", hint: "Prefills the brief's industry." },
  { name: "target_audience", label: "Target audience", hint: "Who the brand writes for; prefills the brief.", multiline: true },
  { name: "goals", label: "Goals (optional)", hint: "Prefills the brief's goals.", multiline: true, optional: true },
  { name: "default_timezone", label: "Time zone (optional)", hint: "An IANA name such as Europe/Berlin, for posting plans.", optional: true },
];

function textOf(brand: Brand | undefined): Record<TextField, string> {
  return {
    name: brand?.name ?? "",
    industry: brand?.industry ?? "",
    target_audience: brand?.target_audience ?? "",
    goals: brand?.goals ?? "",
    default_timezone: brand?.default_timezone ?? "",
  };
}

/** Creates a brand profile, or edits one: the brief's defaults, sample posts, and the voice with its chips. */
export function BrandForm({ brand }: { brand?: Brand }) {
  const router = useRouter();
  const [fields, setFields] = useState(textOf(brand));
  const [samples, setSamples] = useState<string[]>(brand?.sample_posts ?? []);
  const [voice, setVoice] = useState<BrandVoice>(brand?.voice ?? EMPTY_VOICE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [review, setReview] = useState<{ explanation: string; offer: VoiceOffer } | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const suggestionHeading = useRef<HTMLHeadingElement>(null);
  const hasSample = samples.some((sample) => sample.trim() !== "");

  function body() {
    const optional = (value: string) => (value.trim() === "" ? undefined : value);
    return {
      name: fields.name,
      industry: fields.industry,
      target_audience: fields.target_audience,
      voice,
      sample_posts: samples.filter((sample) => sample.trim() !== ""),
      ...(brand
        ? { goals: optional(fields.goals) ?? null, default_timezone: optional(fields.default_timezone) ?? null }
        : { goals: optional(fields.goals), default_timezone: optional(fields.default_timezone) }),
    };
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setStatus(null);
    const result = brand ? await brandRequests.update(brand.id, body()) : await brandRequests.create(body() as Parameters<typeof brandRequests.create>[0]);
    setSaving(false);
    if (result.ok) {
      setErrors({});
      if (!brand) {
        router.push(`/brands/${encodeURIComponent(result.value.id)}?created=1`);
        return;
      }
      setStatus({ kind: "saved", text: "Saved. New strategies for this brand use this voice; earlier ones keep theirs." });
      router.refresh();
      return;
    }
    const messages = result.failure.errors ? firstMessages(result.failure.errors) : {};
    setErrors(messages);
    setStatus({ kind: "error", text: result.failure.errors ? "Some fields need a look — see the messages below." : describeBrandFailure(result.failure) });
    const first = Object.keys(messages)[0];
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  /** Offers a suggested voice item by item: what the user accepts is added, nothing they have is removed. */
  function offer(explanation: string, suggested: SuggestedVoice) {
    setReview({ explanation, offer: offerOf(voice, suggested) });
    requestAnimationFrame(() => suggestionHeading.current?.focus());
  }

  /**
   * Fills the form from a website's suggestion; the user reviews, then saves. An empty voice is filled directly;
   * a voice with items gets the suggestion item by item. Typed sample posts are kept, the site's added after them.
   */
  function fillFromWebsite(suggested: BrandSuggestion) {
    setFields({
      ...fields,
      name: suggested.name,
      industry: suggested.industry,
      target_audience: suggested.target_audience,
      goals: suggested.goals ?? fields.goals,
    });
    const typed = samples.filter((sample) => sample.trim() !== "");
    const added = suggested.sample_posts.filter((post) => !typed.includes(post));
    setSamples([...typed, ...added].slice(0, BRAND_LIMITS.sample_posts.items));
    setErrors({});
    const pages = `${suggested.sources.length} page${suggested.sources.length === 1 ? "" : "s"}`;
    if (SUGGESTED_LISTS.every((list) => voice[list].length === 0)) {
      setVoice({ ...voice, tone: suggested.voice.tone, do: suggested.voice.do, dont: suggested.voice.dont });
      setStatus({ kind: "saved", text: `Filled from ${pages} of your website. Review the fields, then save.` });
      return;
    }
    setStatus({ kind: "saved", text: `Filled from ${pages} of your website. Its voice is offered item by item below; your voice is kept.` });
    offer(`Read from ${pages} of your website.`, suggested.voice);
  }

  /** Learns a voice from the sample posts as typed (saved or not), never using the banned words as typed. */
  async function suggest() {
    const posts = samples.filter((sample) => sample.trim() !== "");
    if (posts.length === 0) return;
    setSuggesting(true);
    const result = await brandRequests.suggestVoice(posts, voice.banned_words);
    setSuggesting(false);
    if (!result.ok) {
      setStatus({ kind: "error", text: result.failure.errors?.[0]?.message ?? describeBrandFailure(result.failure) });
      return;
    }
    offer(result.value.explanation, result.value.voice);
  }

  return (
    <form ref={form} className="panel brand-form" onSubmit={(event) => void save(event)} noValidate>
      <div role="status" aria-live="polite">
        {status?.kind === "saved" && <p className="alert info">{status.text}</p>}
      </div>
      {status?.kind === "error" && (
        <div className="alert error" role="alert">
          <p>{status.text}</p>
        </div>
      )}
      <StartFromWebsite onSuggestion={fillFromWebsite} />
      <fieldset>
        <legend className="section-legend">The brief&apos;s defaults</legend>
        <div className="form-grid">
          {FIELDS.map((field) => {
            const error = errors[field.name];
            const common = {
              id: `brand-${field.name}`,
              name: field.name,
              value: fields[field.name],
              required: !field.optional,
              "aria-invalid": error ? true : undefined,
              "aria-describedby": [`brand-${field.name}-hint`, error ? `brand-${field.name}-error` : ""].join(" ").trim(),
              onChange: (event: { target: { value: string } }) => setFields({ ...fields, [field.name]: event.target.value }),
            };
            return (
              <div className={`field${field.multiline ? " wide" : ""}`} key={field.name}>
                <label htmlFor={`brand-${field.name}`}>{field.label}</label>
                <p id={`brand-${field.name}-hint`} className="hint">
                  {field.hint}
                </p>
                {field.multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" autoComplete="off" />}
                {error && (
                  <p id={`brand-${field.name}-error`} className="field-error">
                    {error}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset>
        <legend className="section-legend">Voice</legend>
        <VoiceEditor voice={voice} onChange={setVoice} errors={errors} />
      </fieldset>

      <fieldset>
        <legend className="section-legend">Sample posts</legend>
        <p className="hint">
          Up to {BRAND_LIMITS.sample_posts.items} posts in the brand&apos;s voice, each at most {BRAND_LIMITS.sample_posts.length.toLocaleString("en")}
          {" characters. “Suggest from my posts” learns a voice from them as written here, saved or not."}
        </p>
        {samples.map((sample, index) => (
          <div className="field sample" key={index}>
            <label htmlFor={`sample-${index}`}>Sample post {index + 1}</label>
            <textarea
              id={`sample-${index}`}
              name={`sample_posts.${index}`}
              rows={3}
              value={sample}
              aria-invalid={errors[`sample_posts.${index}`] ? true : undefined}
              onChange={(event) => setSamples(samples.map((item, at) => (at === index ? event.target.value : item)))}
            />
            {errors[`sample_posts.${index}`] && <p className="field-error">{errors[`sample_posts.${index}`]}</p>}
            <button type="button" className="link-button" onClick={() => setSamples(samples.filter((_, at) => at !== index))}>
              Remove sample post {index + 1}
            </button>
          </div>
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button small secondary"
            disabled={samples.length >= BRAND_LIMITS.sample_posts.items}
            onClick={() => setSamples([...samples, ""])}
          >
            Add a sample post
          </button>
          <button type="button" className="button small secondary" onClick={() => void suggest()} disabled={suggesting || !hasSample} aria-busy={suggesting}>
            {suggesting ? "Reading your posts…" : "Suggest from my posts"}
          </button>
        </div>
        {!hasSample && <p className="hint">Write at least one sample post to get a suggestion.</p>}
      </fieldset>

      {review && (
        <VoiceSuggestionReview
          explanation={review.explanation}
          offer={review.offer}
          voice={voice}
          headingRef={suggestionHeading}
          onAccept={(list, item) => {
            const merged = acceptOffered(voice, review.offer, list, item);
            setVoice(merged.voice);
            setReview({ ...review, offer: merged.offer });
          }}
          onReject={(list, item) => setReview({ ...review, offer: withdrawItem(review.offer, list, item) })}
          onAcceptAll={() => {
            const merged = acceptAll(voice, review.offer);
            setVoice(merged.voice);
            setReview({ ...review, offer: merged.offer });
          }}
          onDismiss={() => setReview(null)}
        />
      )}

      <div className="button-row">
        <button type="submit" className="button" disabled={saving} aria-busy={saving}>
          {saving ? "Saving…" : brand ? "Save brand" : "Create brand"}
        </button>
        {brand && <DeleteBrand brand={brand} />}
      </div>
    </form>
  );
}
