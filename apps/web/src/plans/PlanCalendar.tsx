"use client";

import type { Plan, PlanPost } from "@strategist/schemas";
import { PLATFORM_RULES } from "@strategist/schemas/platform-rules";
import { useMemo, useState } from "react";
import { addDays, dayLabel, dayOf, monthsOf, timeOf } from "./plan-dates";
import { platformLook } from "./platform-look";
import type { PostPicture } from "./PostPreview";

export type CalendarView = "week" | "month" | "list";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

interface CalendarProps {
  plan: Plan;
  view: CalendarView;
  week: number;
  onWeek: (week: number) => void;
  today: string;
  selected: string | null;
  onSelect: (postId: string) => void;
  /** Posts ticked for a bulk action, when the calendar is in selection mode. */
  ticked?: ReadonlySet<string>;
  onTick?: (postId: string, ticked: boolean) => void;
  /** Reschedules a post to another day (drag and drop); undefined while the plan is being written. */
  onMove?: (postId: string, day: string) => void;
  pictureOf: (post: PlanPost) => PostPicture | undefined;
  /** Posts with unsaved typing. */
  dirty: ReadonlySet<string>;
}

/** The plan as a calendar: a week of seven days, whole months with headings, or an agenda list; posts drag between days. */
export function PlanCalendar(props: CalendarProps) {
  const { plan, view, week, onWeek } = props;
  const byDay = useMemo(() => {
    const days = new Map<string, PlanPost[]>();
    for (const post of plan.posts) days.set(dayOf(post.scheduled_at), [...(days.get(dayOf(post.scheduled_at)) ?? []), post]);
    return days;
  }, [plan]);
  const last = addDays(plan.start_date, plan.weeks * 7 - 1);
  const inPlan = (day: string) => day >= plan.start_date && day <= last;

  if (view === "week") {
    return (
      <div className="plan-week">
        <div className="button-row plan-week-nav">
          <button type="button" className="button secondary small" disabled={week === 0} onClick={() => onWeek(week - 1)}>
            Previous week
          </button>
          <h2 aria-live="polite">
            Week {week + 1} of {plan.weeks}
          </h2>
          <button type="button" className="button secondary small" disabled={week >= plan.weeks - 1} onClick={() => onWeek(week + 1)}>
            Next week
          </button>
        </div>
        <ol className="plan-grid">
          {Array.from({ length: 7 }, (_, index) => addDays(plan.start_date, week * 7 + index)).map((day) => (
            <Day key={day} day={day} posts={byDay.get(day) ?? []} {...props} droppable />
          ))}
        </ol>
      </div>
    );
  }

  if (view === "month") {
    return (
      <div className="plan-months">
        {monthsOf(plan.start_date, plan.weeks * 7).map((month) => (
          <section key={month.label} aria-label={month.label}>
            <h2>{month.label}</h2>
            <div className="plan-grid plan-weekdays" aria-hidden="true">
              {WEEKDAYS.map((weekday) => (
                <span key={weekday}>{weekday}</span>
              ))}
            </div>
            <ol className="plan-grid plan-month">
              {Array.from({ length: month.leading }, (_, index) => (
                <li key={`blank-${index}`} className="plan-day blank" aria-hidden="true" />
              ))}
              {month.days.map((day) => (
                <Day key={day} day={day} posts={byDay.get(day) ?? []} {...props} droppable={inPlan(day)} outside={!inPlan(day)} />
              ))}
            </ol>
          </section>
        ))}
      </div>
    );
  }

  return (
    <>
      <h2 className="visually-hidden">Agenda</h2>
      <ol className="plan-agenda">
        {[...byDay.entries()].map(([day, posts]) => (
          <Day key={day} day={day} posts={posts} {...props} droppable={false} />
        ))}
      </ol>
    </>
  );
}

function Day({
  day,
  posts,
  today,
  onMove,
  droppable,
  outside = false,
  ...props
}: CalendarProps & { day: string; posts: PlanPost[]; droppable: boolean; outside?: boolean }) {
  const [over, setOver] = useState(false);
  const isToday = day === today;
  const drop = droppable && onMove;
  return (
    <li
      className={`plan-day${isToday ? " today" : ""}${outside ? " outside" : ""}${over ? " drop" : ""}`}
      aria-current={isToday ? "date" : undefined}
      onDragOver={
        drop
          ? (event) => {
              event.preventDefault();
              setOver(true);
            }
          : undefined
      }
      onDragLeave={drop ? () => setOver(false) : undefined}
      onDrop={
        drop
          ? (event) => {
              event.preventDefault();
              setOver(false);
              const postId = event.dataTransfer.getData("text/plain");
              if (postId) onMove(postId, day);
            }
          : undefined
      }
    >
      <h3>
        {dayLabel(day)}
        {isToday && <span className="plan-today">Today</span>}
      </h3>
      {posts.length > 0 && (
        <ul>
          {posts.map((post) => (
            <Chip key={post.id} post={post} draggable={Boolean(onMove)} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Chip({
  post,
  draggable,
  selected,
  onSelect,
  ticked,
  onTick,
  pictureOf,
  dirty,
}: Pick<CalendarProps, "selected" | "onSelect" | "ticked" | "onTick" | "pictureOf" | "dirty"> & { post: PlanPost; draggable: boolean }) {
  const look = platformLook(post.platform);
  const name = PLATFORM_RULES[post.platform]?.name ?? post.platform;
  const picture = pictureOf(post);
  const snippet = post.caption.length > 60 ? `${post.caption.slice(0, 57).trimEnd()}…` : post.caption;
  return (
    <li className="plan-chip-row">
      {onTick && ticked && (
        <input
          type="checkbox"
          checked={ticked.has(post.id)}
          onChange={(event) => onTick(post.id, event.target.checked)}
          aria-label={`Select the ${name} post of ${dayOf(post.scheduled_at)} ${timeOf(post.scheduled_at)}`}
        />
      )}
      <button
        type="button"
        className={`plan-chip${selected === post.id ? " selected" : ""}${post.status === "approved" ? " approved" : ""}`}
        style={{ borderLeftColor: look.colour }}
        aria-pressed={selected === post.id}
        draggable={draggable}
        onDragStart={(event) => {
          event.dataTransfer.setData("text/plain", post.id);
          event.dataTransfer.effectAllowed = "move";
        }}
        onClick={() => onSelect(post.id)}
        data-platform={post.platform}
      >
        <span className="plan-chip-head">
          <span className="platform-mark" style={{ background: look.colour }} aria-hidden="true">
            {look.mark}
          </span>
          <span>
            {timeOf(post.scheduled_at)} {name}
          </span>
          {post.status === "approved" && <span className="plan-chip-approved"> ✓ approved</span>}
          {dirty.has(post.id) && <span className="plan-chip-dirty"> • unsaved</span>}
        </span>
        {picture && <img className="plan-chip-thumb" src={picture.src} alt="" loading="lazy" width={40} height={40} />}
        <span className="plan-chip-snippet">{snippet}</span>
      </button>
    </li>
  );
}
