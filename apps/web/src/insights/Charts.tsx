"use client";

import dynamic from "next/dynamic";

// The charting code (visx) loads only on the insights pages, after the tables: nothing else pays for it.
const loading = () => <p className="hint">Drawing the chart…</p>;
export const Heatmap = dynamic(() => import("./Heatmap"), { ssr: false, loading });
export const RateBars = dynamic(() => import("./RateBars"), { ssr: false, loading });
