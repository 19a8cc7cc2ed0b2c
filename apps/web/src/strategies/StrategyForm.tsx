"use client";

import type { Brand, ModelInfo } from "@strategist/schemas";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { firstMessages } from "@/shared/field-messages";
import { lazyModule } from "@/shared/lazy-module";
import { useCountdown } from "@/ui/Countdown";
import type { GenerationProblem } from "./generation-problems";
import { BrandPicker } from "@/brands/BrandPicker";
import { useLiveGeneration } from "./use-live-generation";

type BriefField = "brand_name" | "industry" | "target_audience" | "goals";
type Brief = Record<BriefField, string>;
type BriefChecks = Awaited<ReturnType<typeof loadBriefChecks>>;

/** Loads the schema checks once, on first focus or at the latest on submit. */
const loadBriefChecks = lazyModule(() => import("./brief-checks"));

/** The live view appears only once a brief is sent: its code loads with the checks (first focus), at the latest on submit. */
const loadLiveView = lazyModule(() => import("./LiveStrategy"));
const LiveStrategyView = dynamic(() => loadLiveView().then((module) => module.LiveStrategyView));

const EMPTY: Brief = { brand_name: "", industry: "", target_audience: "", goals: "" };
/** The brief survives a session ending mid-edit: it is restored after logging in again. */
const DRAFT_KEY = "strategist:draft";

/** Examples sit in the always-visible hints of the long fields: placeholders vanish as soon as you type. */
const FIELDS: { name: BriefField; label: string; hint: string; placeholder?: string; multiline: boolean }[] = [
  { name: "brand_name", label: "Brand name", hint: "The brand or company the strategy is for.", placeholder: "e.g. Juniper Coffee Roasters", multiline: false },
  { name: "industry", label: "Industry", hint: "Your business sector, as specific as you like.", placeholder: "e.g. Specialty coffee", multiline: false },
  {
    name: "target_audience",
    label: "Target audience",
    hint: "Who you want to reach: age, role, interests, where they are. For example: young professionals in Austin who care where their coffee comes from.",
    multiline: true,
  },
  {
    name: "goals",
    label: "Goals",
    hint: "What social media should achieve for you in the next few months. For example: grow Instagram to 10k followers and double online bean subscriptions.",
    multiline: true,
  },
];

export function StrategyForm({ models: allModels, brands = [], initialBrandId = "" }: { models: ModelInfo[]; brands?: Brand[]; initialBrandId?: string }) {
  // Image models (kind image) draw visual prompts; only text models write strategies.
  const models = allModels.filter((candidate) => candidate.kind !== "image");
  const router = useRouter();
  const [brief, setBrief] = useState<Brief>(EMPTY);
  const [brandId, setBrandId] = useState("");
  const [model, setModel] = useState(models.find((candidate) => candidate.default)?.id ?? models[0]?.id ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const generation = useLiveGeneration();
  const [notice, setNotice] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [problem, setProblem] = useState<GenerationProblem | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const secondsToWait = useCountdown(waitUntil);
  const [limits, setLimits] = useState<BriefChecks["INPUT_LIMITS"] | null>(null);
  const submitting = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const problemHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const linked = brands.find((brand) => brand.id === initialBrandId);
    if (linked) return pickBrand(linked);
    const saved = sessionStorage.getItem(DRAFT_KEY);
    if (!saved) return;
    try {
      setBrief({ ...EMPTY, ...(JSON.parse(saved) as Partial<Brief>) });
    } catch {
      sessionStorage.removeItem(DRAFT_KEY);
    }
  }, []);

  useEffect(() => {
    if (problem) problemHeading.current?.focus();
  }, [problem]);

  // Focus moves once the form is shown again after a generation, never into a hidden form.
  useEffect(() => {
    if (!focusTarget || generation.live) return;
    form.current?.querySelector<HTMLElement>(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, generation.live]);

  function update(name: BriefField, value: string) {
    const next = { ...brief, [name]: value };
    setBrief(next);
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(next));
    if (errors[name]) setErrors(({ [name]: _cleared, ...rest }) => rest);
  }

  /** A brand profile fills the brief (goals only when it has some); the fields stay editable and override it. */
  function pickBrand(brand: Brand | null) {
    setBrandId(brand?.id ?? "");
    if (!brand) return;
    const next = { brand_name: brand.name, industry: brand.industry, target_audience: brand.target_audience, goals: brand.goals ?? brief.goals };
    setBrief(next);
    setErrors({});
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(next));
  }

  function prepareChecks() {
    if (!limits) void loadBriefChecks().then((checks) => setLimits(checks.INPUT_LIMITS));
    void loadLiveView().catch(() => undefined);
  }

  async function generate() {
    if (submitting.current) return;
    submitting.current = true;
    const [checks, liveView] = await Promise.all([loadBriefChecks().catch(() => null), loadLiveView().catch(() => null)]);
    if (!checks || !liveView) {
      submitting.current = false;
      setProblem({ title: "You seem to be offline", message: "Part of this page didn't load. Check your connection and try again." });
      return;
    }
    const checked = checks.checkBrief(brief);
    if (!checked.ok) {
      submitting.current = false;
      setErrors(checked.messages);
      form.current?.querySelector<HTMLElement>(`[name="${Object.keys(checked.messages)[0]}"]`)?.focus();
      return;
    }
    setErrors({});
    setProblem(null);
    setNotice(null);
    const outcome = await generation.start({ ...checked.brief, ...(model ? { model } : {}), ...(brandId ? { brand_id: brandId } : {}) }, checks.readLiveEvent);
    submitting.current = false;
    switch (outcome.kind) {
      case "completed":
        sessionStorage.removeItem(DRAFT_KEY);
        // The live sections scrolled the page down; the saved strategy opens at its top, where its plan link is.
        window.scrollTo({ top: 0, behavior: "instant" });
        router.push(`/strategies/${encodeURIComponent(outcome.record.id)}`);
        return;
      case "stopped":
        setNotice("Stopped. Nothing was saved, and your brief is still here.");
        setFocusTarget("#generation-notice");
        return;
      case "interrupted":
        setProblem(checks.describeInterruptedGeneration());
        return;
      case "failed":
        break;
    }
    if (outcome.status === 400 && outcome.errors) {
      const messages = firstMessages(outcome.errors);
      const known = Object.keys(messages).filter((field) => field in EMPTY || field === "model");
      setErrors(messages);
      if (known.length > 0) {
        setFocusTarget(`[name="${known[0]}"]`);
        return;
      }
    }
    const failure = checks.describeGenerationFailure(outcome.status, outcome.detail, outcome.retryAfterSeconds);
    setWaitUntil(failure.retryAfterSeconds ? Date.now() + failure.retryAfterSeconds * 1000 : 0);
    setProblem(failure);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void generate();
  }

  const busy = generation.live !== null;
  const formError = errors.body ?? errors.model;

  return (
    <>
      {generation.live && <LiveStrategyView brief={brief} live={generation.live} onStop={generation.stop} />}
      <div className="panel" hidden={busy}>
        <form ref={form} onSubmit={submit} onFocus={prepareChecks} noValidate aria-describedby={problem ? "problem-message" : undefined}>
          {notice && !problem && (
            <div className="alert info" role="status" id="generation-notice" tabIndex={-1}>
              <p>{notice}</p>
            </div>
          )}
          {problem && !busy && (
            <div className="alert error" role="alert">
              <h2 ref={problemHeading} tabIndex={-1}>
                {problem.title}
              </h2>
              <p id="problem-message">{problem.message}</p>
              <div className="button-row">
                {problem.needsLogin ? (
                  <Link className="button small" href={`/login?next=${encodeURIComponent("/strategies/new")}`}>
                    Log in again
                  </Link>
                ) : (
                  <button type="submit" className="button small" disabled={secondsToWait > 0}>
                    {secondsToWait > 0 ? `Try again in ${secondsToWait}s` : "Try again"}
                  </button>
                )}
              </div>
            </div>
          )}
          {formError && !busy && (
            <div className="alert error" role="alert">
              <p>{formError}</p>
            </div>
          )}
          <fieldset disabled={busy}>
            <legend className="visually-hidden">Your brand brief</legend>
            <BrandPicker brands={brands} value={brandId} onPick={pickBrand} disabled={busy} />
            <div className="form-grid">
              {FIELDS.map((field) => {
                const value = brief[field.name];
                const limit = limits?.[field.name] ?? Infinity;
                const error = errors[field.name];
                const describedBy = [`${field.name}-hint`, error ? `${field.name}-error` : ""].join(" ").trim();
                const common = {
                  id: field.name,
                  name: field.name,
                  value,
                  placeholder: field.placeholder,
                  required: true,
                  "aria-invalid": error ? true : undefined,
                  "aria-describedby": describedBy,
                } as const;
                return (
                  <div className={`field${field.multiline ? " wide" : ""}`} key={field.name}>
                    <label htmlFor={field.name}>{field.label}</label>
                    <p id={`${field.name}-hint`} className="hint">
                      {field.hint}
                    </p>
                    {field.multiline ? (
                      <textarea {...common} rows={4} onChange={(event) => update(field.name, event.target.value)} />
                    ) : (
                      <input {...common} type="text" autoComplete="off" onChange={(event) => update(field.name, event.target.value)} />
                    )}
                    <div className="field-footer">
                      {error ? (
                        <p id={`${field.name}-error`} className="field-error">
                          {error}
                        </p>
                      ) : (
                        <span />
                      )}
                      {value.length > limit * 0.8 && (
                        <span className={`counter${value.length > limit ? " over" : ""}`}>
                          {value.length}/{limit}
                        </span>
                      )}
                    </div>
                  </div>
                );
              })}
              {models.length > 1 && (
                <div className="field wide">
                  <label htmlFor="model">Model</label>
                  <p id="model-hint" className="hint">
                    The AI model that writes the strategy.
                  </p>
                  <select id="model" name="model" value={model} aria-describedby="model-hint" onChange={(event) => setModel(event.target.value)}>
                    {models.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.name}
                        {candidate.provider === "offline" ? " (offline, not an LLM)" : ""}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
            <div className="button-row">
              <button type="submit" className="button large" disabled={busy || secondsToWait > 0} aria-busy={busy}>
                {busy ? "Writing your strategy…" : "Generate strategy"}
              </button>
              <span className="muted">Takes up to a minute. Saved to your history automatically.</span>
            </div>
          </fieldset>
        </form>
      </div>
    </>
  );
}
