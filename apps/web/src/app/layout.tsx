import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { currentSession } from "@/server/current-session";
import { SiteHeader } from "@/ui/SiteHeader";
import "./globals.css";
import "@/ui/controls.css";

export const metadata: Metadata = {
  title: { default: "Strategist — your AI social media strategist", template: "%s · Strategist" },
  description:
    "Describe your brand, audience and goals; Strategist writes a complete social media strategy: content pillars, posting schedule, platforms, themes, engagement tactics and visual prompts.",
};

export const viewport: Viewport = { themeColor: "#4f3fd1", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <SiteHeader email={session?.email} />
        <main id="content" tabIndex={-1}>
          <div className="container">{children}</div>
        </main>
        <footer className="site-footer">
          <div className="container">Strategist — social media strategies for marketers, written by AI and saved to your history.</div>
        </footer>
      </body>
    </html>
  );
}
