import type { GenerationView } from '@/lib/generation/view';

/** A clip as the gallery grid shows it: the view, its tags, and the stack it belongs to. */
export type GalleryItem = {
  view: GenerationView;
  favorite: boolean;
  tags: string[];
  authorId: string;
  stack: { key: string; count: number; sweep: boolean };
};

export type GalleryPage = { items: GalleryItem[]; next: string | null };
