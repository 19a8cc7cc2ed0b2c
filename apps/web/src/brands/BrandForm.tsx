"use client";

import type { Brand, BrandSuggestion, BrandVoice, VoiceSuggestion } from "@strategist/schemas";
import { BRAND_LIMITS, EMPTY_VOICE } from "@strategist/schemas/brand-limits";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { firstMessages } from "@/shared/field-messages";
import { brandRequests, describeBrandFailure } from "./requests";
import { DeleteBrand } from "./DeleteBrand";
import { StartFromWebsite } from "./StartFromWebsite";
import { VoiceEditor } from "./VoiceEditor";
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
  const [suggestion, setSuggestion] = useState<VoiceSuggestion | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const suggestionHeading = useRef<HTMLHeadingElement>(null);

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

  /** Fills the form from a website's suggestion, keeping the banned words and hashtags; the user reviews, then saves. */
  function fillFromWebsite(suggested: BrandSuggestion) {
    setFields({
      ...fields,
      name: suggested.name,
      industry: suggested.industry,
      target_audience: suggested.target_audience,
      goals: suggested.goals ?? fields.goals,
    });
    setVoice({ ...voice, tone: suggested.voice.tone, do: suggested.voice.do, dont: suggested.voice.dont });
    if (suggested.sample_posts.length > 0) setSamples(suggested.sample_posts);
    setErrors({});
    const pages = suggested.sources.length;
    setStatus({ kind: "saved", text: `Filled from ${pages} page${pages === 1 ? "" : "s"} of your website. Review the fields, then save.` });
  }

  async function suggest() {
    if (!brand) return;
    setSuggesting(true);
    const result = await brandRequests.suggestVoice(brand.id);
    setSuggesting(false);
    if (!result.ok) {
      setStatus({ kind: "error", text: result.failure.errors?.[0]?.message ?? describeBrandFailure(result.failure) });
      return;
    }
    setSuggestion(result.value);
    requestAnimationFrame(() => suggestionHeading.current?.focus());
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
          {" characters. Save them, then “Suggest from my posts” learns a voice from them."}
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
          {brand && (
            <button
              type="button"
              className="button small secondary"
              onClick={() => void suggest()}
              disabled={suggesting || brand.sample_posts.length === 0}
              aria-busy={suggesting}
            >
              {suggesting ? "Reading your posts…" : "Suggest from my posts"}
            </button>
          )}
        </div>
        {brand && brand.sample_posts.length === 0 && <p className="hint">Save at least one sample post to get a suggestion.</p>}
      </fieldset>

      {suggestion && (
        <section className="suggestion" aria-labelledby="suggestion-title">
          <h2 id="suggestion-title" ref={suggestionHeading} tabIndex={-1}>
            Suggested voice
          </h2>
          <p className="hint">{suggestion.explanation}</p>
          <dl className="suggestion-lists">
            {(["tone", "do", "dont", "preferred_hashtags"] as const).map((key) => (
              <div key={key}>
                <dt>{{ tone: "Tone", do: "Do", dont: "Don't", preferred_hashtags: "Hashtags" }[key]}</dt>
                <dd>{suggestion.voice[key].length > 0 ? suggestion.voice[key].join(" · ") : "—"}</dd>
              </div>
            ))}
          </dl>
          <div className="button-row">
            <button
              type="button"
              className="button small"
              onClick={() => {
                setVoice({ ...suggestion.voice, banned_words: voice.banned_words });
                setSuggestion(null);
                setStatus({ kind: "saved", text: "Suggestion copied into the voice editor. Review it, then save." });
              }}
            >
              Use this voice
            </button>
            <button type="button" className="button small secondary" onClick={() => setSuggestion(null)}>
              Dismiss
            </button>
          </div>
        </section>
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
