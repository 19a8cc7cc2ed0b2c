import type { PlanPost } from "@strategist/schemas";
import { PLATFORM_RULES } from "@strategist/schemas/platform-rules";
import { useState } from "react";
import { foldOf, isVideoPlatform, platformLook } from "./platform-look";

/** The post's picture as the preview and the calendar show it: an image on this origin, or nothing yet. */
export interface PostPicture {
  src: string;
  alt: string;
}

/**
 * The post as its platform shows it in a feed: an avatar and handle placeholder, the caption folded where the
 * platform folds it ("…more" opens the rest), hashtags as links in the platform's colour, the picture, and for a
 * video platform the script in place of a picture.
 */
export function PostPreview({
  post,
  caption,
  hashtags,
  brand,
  picture,
}: {
  post: PlanPost;
  caption: string;
  hashtags: string[];
  brand: string;
  picture?: PostPicture;
}) {
  const [open, setOpen] = useState(false);
  const look = platformLook(post.platform);
  const name = PLATFORM_RULES[post.platform]?.name ?? post.platform;
  const fold = foldOf(post.platform);
  const folded = !open && fold !== undefined && caption.length > fold;
  const handle = `@${brand.toLowerCase().replace(/[^a-z0-9]+/g, "")}`;
  const video = isVideoPlatform(post.platform);
  return (
    <figure className="post-preview" aria-label={`Preview on ${name}`}>
      <div className="post-preview-head">
        <span className="post-avatar" aria-hidden="true" style={{ background: look.colour }}>
          {brand.slice(0, 1).toUpperCase()}
        </span>
        <span>
          <strong>{brand}</strong> <span className="post-handle">{handle}</span>
        </span>
        <span className="platform-mark" style={{ background: look.colour }} aria-hidden="true">
          {look.mark}
        </span>
      </div>
      {video ? (
        <div className="post-script">
          <p className="post-script-title">Video idea</p>
          <p>Hook: {caption.split(/(?<=[.!?])\s/u)[0]}</p>
          <p>Scene: {post.theme}</p>
          <p>On-screen text: {post.pillar}</p>
          {picture && <img src={picture.src} alt={picture.alt} className="post-picture" loading="lazy" />}
        </div>
      ) : picture ? (
        <img src={picture.src} alt={picture.alt} className="post-picture" loading="lazy" />
      ) : (
        <p className="post-picture-missing">No picture yet</p>
      )}
      <figcaption>
        <p className="post-caption">
          {folded ? `${caption.slice(0, fold).trimEnd()}… ` : caption}
          {folded && (
            <button type="button" className="link-button post-more" onClick={() => setOpen(true)}>
              more
            </button>
          )}
        </p>
        {hashtags.length > 0 && !folded && <p className="post-tags">{hashtags.join(" ")}</p>}
      </figcaption>
    </figure>
  );
}
