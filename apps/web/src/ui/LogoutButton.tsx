"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postAuth } from "@/api/auth";

export function LogoutButton() {
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);

  async function logOut() {
    setLeaving(true);
    await postAuth("/api/auth/logout");
    router.push("/login");
    router.refresh();
  }

  return (
    <button type="button" className="link-button" onClick={() => void logOut()} disabled={leaving}>
      {leaving ? "Logging out…" : "Log out"}
    </button>
  );
}
