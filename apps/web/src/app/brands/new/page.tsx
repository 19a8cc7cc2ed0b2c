import type { Metadata } from "next";
import { BrandForm } from "@/brands/BrandForm";
import { requireSession } from "@/server/current-session";

export const metadata: Metadata = { title: "New brand" };

export default async function NewBrandPage() {
  await requireSession("/brands/new");
  return (
    <>
      <div className="page-head">
        <div>
          <h1>New brand</h1>
          <p>The brief&apos;s defaults and the voice every strategy for this brand is written in.</p>
        </div>
      </div>
      <BrandForm />
    </>
  );
}
