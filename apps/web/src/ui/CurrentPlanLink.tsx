"use client";

import { usePathname } from "next/navigation";
import { NavLink } from "./NavLink";

const STRATEGY_PATH = /^\/strategies\/([^/]+)(?:\/plan)?$/;

/** "Plan" in the header while a strategy (or its plan) is open: the plan of the strategy on screen. */
export function CurrentPlanLink() {
  const match = STRATEGY_PATH.exec(usePathname());
  if (!match || match[1] === "new") return null;
  return <NavLink href={`/strategies/${match[1]}/plan`}>Plan</NavLink>;
}
