/**
 * The offline copywriter's sentences in the four languages it writes. A caption is a hook, a body and a call to
 * action; each structure below opens and builds differently, so no one structure dominates a plan. Slots are
 * inserted where any noun phrase reads grammatically: after a colon, in quotes, or as a label.
 */

export type PlanLanguage = "en" | "es" | "de" | "fr";

export interface CopySlots {
  brand: string;
  /** What the post is about: the theme without its format ("a 30-second video"), a noun phrase. */
  topic: string;
  /** The pillar as written in the strategy. */
  pillar: string;
  customers: string;
}

export interface CopyPack {
  /** Hook and body of each structure; each returns the lines of the caption before its call to action. */
  structures: ((s: CopySlots) => string[])[];
  /** Calls to action that point at the brief's goal; `cta` is the goal's action ("book a date"). */
  goalCtas: ((cta: string) => string)[];
  /** Calls to action that ask for a reaction. */
  engageCtas: string[];
  /** A short title (YouTube Shorts) from the topic; alternatives when the topic is too long. */
  titles: ((s: CopySlots) => string)[];
  /** The video script of a short video. */
  script(s: CopySlots): { hook: string; beats: string[]; on_screen_text: string[] };
  /** One sentence naming the video in a caption. */
  videoLine(s: CopySlots): string;
  /** One sentence pointing at a carousel's slides. */
  carouselLine(s: CopySlots): string;
  /** A post that acknowledges a public holiday. */
  holiday(name: string, brand: string): string;
  /** The visual brief of a post by format. */
  visual(format: "photo" | "carousel" | "video" | "text", s: CopySlots): string;
  /** Words that never stand alone as a hashtag. */
  stopwords: string[];
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const PACKS: Record<PlanLanguage, CopyPack> = {
  en: {
    structures: [
      (s) => [`Ever wondered about this one? ${capital(s.topic)}.`, `Here is how we handle it at ${s.brand}.`],
      (s) => [`${capital(s.topic)}.`, `Three things ${s.customers} tell us they notice first, and why they matter.`],
      (s) => [`Quick tip from ${s.brand}:`, `${capital(s.topic)}. Small change, big difference.`],
      (s) => [`${s.pillar} — this week's chapter:`, `${capital(s.topic)}.`],
      (s) => [`A question we hear a lot from ${s.customers}.`, `Our answer, in one post: ${s.topic}.`],
      (s) => [`No filter, no script.`, `${capital(s.topic)}, exactly as it happens at ${s.brand}.`],
      (s) => [`If you only read one thing today, make it this:`, `${capital(s.topic)}.`],
      (s) => [`Myth: it has to be complicated.`, `Fact: ${s.topic}. That is the ${s.brand} way.`],
    ],
    goalCtas: [(cta) => `Ready to ${cta}? The link is in our profile.`, (cta) => `${capital(cta)} today: it takes a minute.`, (cta) => `Next step: ${cta}.`],
    engageCtas: ["What would you add? Tell us in the comments.", "Save this for later.", "Share it with someone who needs it.", "Which part surprised you?"],
    titles: [(s) => `${capital(s.topic)} | ${s.brand}`, (s) => capital(s.topic), (s) => `${s.pillar} | ${s.brand}`, (s) => `One tip from ${s.brand}`],
    script: (s) => ({
      hook: `Stop scrolling: ${s.topic}.`,
      beats: [`Show the problem ${s.customers} run into`, `Show how ${s.brand} handles it, in one continuous shot`, "End on the result, then the call to action"],
      on_screen_text: ["Did you know?", capital(s.pillar), "Follow for more"],
    }),
    videoLine: () => "Watch to the end for the best part.",
    carouselLine: () => "Swipe through the slides.",
    holiday: (name, brand) => `${name}: the whole ${brand} team wishes you a peaceful day. We're taking a breath today and will be back with you tomorrow.`,
    visual: (format, s) =>
      ({
        photo: `Photo: ${s.topic}. Natural light, real people, 4:5 portrait with space at the top for a headline.`,
        carousel: `Carousel of 5 slides: a title slide naming "${s.topic}", three slides with one point each, a last slide with the call to action.`,
        video: `Vertical 9:16 video, 15-30 seconds: ${s.topic}. Open on the hook, no logo in the first two seconds, captions on screen.`,
        text: `Optional image: a simple graphic quoting the first line of the post in the brand's colours.`,
      })[format],
    stopwords: ["the", "a", "an", "and", "of", "for", "to", "in", "on", "with", "at", "by", "or", "our", "your", "how", "what", "why", "it", "its", "from", "this", "that", "these", "those", "into", "about", "who", "we", "you", "their", "more", "most", "less", "than", "every", "each", "one", "two", "three", "five", "week", "real", "done", "differently", "things", "notice", "first", "want", "will", "save", "explained", "answered", "asks", "ask", "questions", "team", "way", "show", "shown", "told", "words", "own", "behind", "scenes", "story", "customer", "comes", "back", "keeps", "coming", "invitation", "month", "good", "reason", "now", "second", "seconds", "rather", "serve", "industry", "insight", "insights", "reasons", "results", "numbers", "customers", "members", "clients", "guests", "feature", "mistake", "teams", "switch", "tools", "walkthrough", "thing", "clear", "most", "full", "energy", "busy", "days", "minute", "minutes", "makes", "make", "when", "they", "them", "then", "best", "part", "next", "tips"],
  },
  es: {
    structures: [
      (s) => [`¿Te lo habías preguntado? ${capital(s.topic)}.`, `Así lo hacemos en ${s.brand}.`],
      (s) => [`${capital(s.topic)}.`, `Tres detalles que nuestros ${s.customers} notan primero, y por qué importan.`],
      (s) => [`Un consejo rápido de ${s.brand}:`, `${capital(s.topic)}. Un cambio pequeño, una gran diferencia.`],
      (s) => [`${s.pillar}: el capítulo de esta semana.`, `${capital(s.topic)}.`],
      (s) => [`Una pregunta que oímos mucho.`, `Nuestra respuesta, en una publicación: ${s.topic}.`],
      (s) => [`Sin filtros ni guion.`, `${capital(s.topic)}, tal como pasa en ${s.brand}.`],
      (s) => [`Si hoy solo lees una cosa, que sea esta:`, `${capital(s.topic)}.`],
      (s) => [`Mito: tiene que ser complicado.`, `Realidad: ${s.topic}. Así lo vemos en ${s.brand}.`],
    ],
    goalCtas: [(cta) => `¿Te animas a ${cta}? El enlace está en nuestro perfil.`, (cta) => `${capital(cta)} hoy: es cuestión de un minuto.`, (cta) => `El siguiente paso: ${cta}.`],
    engageCtas: ["¿Qué añadirías tú? Cuéntanoslo en los comentarios.", "Guárdalo para más tarde.", "Compártelo con quien lo necesite.", "¿Qué parte te ha sorprendido?"],
    titles: [(s) => `${capital(s.topic)} | ${s.brand}`, (s) => capital(s.topic), (s) => `${s.pillar} | ${s.brand}`, (s) => `Un consejo de ${s.brand}`],
    script: (s) => ({
      hook: `Para un segundo: ${s.topic}.`,
      beats: [`Muestra el problema que tienen nuestros ${s.customers}`, `Muestra cómo lo resuelve ${s.brand}, en una sola toma`, "Termina con el resultado y la llamada a la acción"],
      on_screen_text: ["¿Lo sabías?", capital(s.pillar), "Síguenos para más"],
    }),
    videoLine: () => "Míralo hasta el final: lo mejor llega al cierre.",
    carouselLine: () => "Desliza para ver todas las diapositivas.",
    holiday: (name, brand) => `${name}: todo el equipo de ${brand} te desea un día tranquilo. Hoy hacemos una pausa y mañana volvemos contigo.`,
    visual: (format, s) =>
      ({
        photo: `Foto: ${s.topic}. Luz natural, personas reales, formato vertical 4:5 con espacio arriba para un titular.`,
        carousel: `Carrusel de 5 diapositivas: portada con «${s.topic}», tres diapositivas con una idea cada una y una última con la llamada a la acción.`,
        video: `Vídeo vertical 9:16 de 15 a 30 segundos: ${s.topic}. Empieza con el gancho, sin logotipo en los dos primeros segundos, con subtítulos.`,
        text: `Imagen opcional: un gráfico sencillo con la primera frase de la publicación en los colores de la marca.`,
      })[format],
    stopwords: ["el", "la", "los", "las", "un", "una", "y", "de", "del", "que", "en", "para", "con", "por", "al", "su", "sus", "nuestro", "nuestra", "nuestros", "como", "cómo", "qué", "esta", "este", "más", "tres", "cinco", "semana", "real", "manera", "detalles", "marcan", "diferencia", "vídeo", "segundos", "serie", "fotos", "carrusel", "guardar", "preguntas", "frecuentes", "respondidas", "equipo", "historia", "cliente", "vuelve", "otra", "vez", "invitación", "buen", "motivo", "hacerlo", "ahora", "entre", "bastidores"],
  },
  de: {
    structures: [
      (s) => [`Schon mal gefragt? ${capital(s.topic)}.`, `So machen wir das bei ${s.brand}.`],
      (s) => [`${capital(s.topic)}.`, `Drei Dinge, die unseren ${s.customers} zuerst auffallen, und warum sie zählen.`],
      (s) => [`Ein schneller Tipp von ${s.brand}:`, `${capital(s.topic)}. Kleine Änderung, große Wirkung.`],
      (s) => [`${s.pillar}: das Kapitel dieser Woche.`, `${capital(s.topic)}.`],
      (s) => [`Eine Frage, die wir oft hören.`, `Unsere Antwort in einem Beitrag: ${s.topic}.`],
      (s) => [`Ohne Filter, ohne Drehbuch.`, `${capital(s.topic)}, genau so, wie es bei ${s.brand} passiert.`],
      (s) => [`Wenn du heute nur eines liest, dann das:`, `${capital(s.topic)}.`],
      (s) => [`Mythos: Das muss kompliziert sein.`, `Tatsache: ${s.topic}. So sehen wir das bei ${s.brand}.`],
    ],
    goalCtas: [(cta) => `Bereit? Jetzt ${cta}: Der Link ist in unserem Profil.`, (cta) => `Heute noch ${cta}: Es dauert nur eine Minute.`, (cta) => `Der nächste Schritt: ${cta}.`],
    engageCtas: ["Was würdest du ergänzen? Schreib es in die Kommentare.", "Speichere den Beitrag für später.", "Teile ihn mit jemandem, der ihn braucht.", "Was hat dich überrascht?"],
    titles: [(s) => `${capital(s.topic)} | ${s.brand}`, (s) => capital(s.topic), (s) => `${s.pillar} | ${s.brand}`, (s) => `Ein Tipp von ${s.brand}`],
    script: (s) => ({
      hook: `Kurz stoppen: ${s.topic}.`,
      beats: [`Zeige das Problem, das unsere ${s.customers} kennen`, `Zeige, wie ${s.brand} es löst, in einer durchgehenden Einstellung`, "Ende mit dem Ergebnis und dem Aufruf zum Handeln"],
      on_screen_text: ["Schon gewusst?", capital(s.pillar), "Folge uns für mehr"],
    }),
    videoLine: () => "Schau bis zum Ende: Das Beste kommt zum Schluss.",
    carouselLine: () => "Wische durch die Folien.",
    holiday: (name, brand) => `${name}: Das ganze Team von ${brand} wünscht dir einen ruhigen Tag. Heute machen wir Pause, morgen sind wir wieder für dich da.`,
    visual: (format, s) =>
      ({
        photo: `Foto: ${s.topic}. Natürliches Licht, echte Menschen, Hochformat 4:5 mit Platz oben für eine Überschrift.`,
        carousel: `Karussell mit 5 Folien: eine Titelfolie „${s.topic}“, drei Folien mit je einem Punkt, eine letzte Folie mit dem Aufruf zum Handeln.`,
        video: `Hochkant-Video 9:16, 15 bis 30 Sekunden: ${s.topic}. Beginnt mit dem Aufhänger, kein Logo in den ersten zwei Sekunden, mit Untertiteln.`,
        text: `Optionales Bild: eine schlichte Grafik mit dem ersten Satz des Beitrags in den Farben der Marke.`,
      })[format],
    stopwords: ["der", "die", "das", "und", "für", "mit", "den", "dem", "von", "im", "in", "ein", "eine", "einer", "mehr", "zu", "ist", "auf", "aus", "unsere", "unser", "wie", "was", "warum", "bei", "drei", "fünf", "woche", "echten", "anders", "gemacht", "dinge", "zuerst", "auffallen", "erklärt", "sekunden", "video", "fotoserie", "karussell", "speichern", "fragen", "häufigsten", "beantwortet", "team", "geschichte", "kunden", "wieder", "einladung", "monats", "guten", "grund", "jetzt", "blick", "hinter", "kulissen"],
  },
  fr: {
    structures: [
      (s) => [`Vous vous êtes déjà posé la question ? ${capital(s.topic)}.`, `Voici comment nous faisons chez ${s.brand}.`],
      (s) => [`${capital(s.topic)}.`, `Trois détails que nos ${s.customers} remarquent en premier, et pourquoi ils comptent.`],
      (s) => [`Un conseil rapide de ${s.brand} :`, `${capital(s.topic)}. Un petit changement, une vraie différence.`],
      (s) => [`${s.pillar} : le chapitre de la semaine.`, `${capital(s.topic)}.`],
      (s) => [`Une question que l'on nous pose souvent.`, `Notre réponse, en une publication : ${s.topic}.`],
      (s) => [`Sans filtre ni script.`, `${capital(s.topic)}, tel que cela se passe chez ${s.brand}.`],
      (s) => [`Si vous ne lisez qu'une chose aujourd'hui, que ce soit celle-ci :`, `${capital(s.topic)}.`],
      (s) => [`Idée reçue : ce serait compliqué.`, `En réalité : ${s.topic}. C'est notre façon de faire chez ${s.brand}.`],
    ],
    goalCtas: [(cta) => `Envie de ${cta} ? Le lien est dans notre profil.`, (cta) => `${capital(cta)} dès aujourd'hui : cela prend une minute.`, (cta) => `Prochaine étape : ${cta}.`],
    engageCtas: ["Qu'ajouteriez-vous ? Dites-le-nous en commentaire.", "Enregistrez-le pour plus tard.", "Partagez-le avec quelqu'un qui en a besoin.", "Qu'est-ce qui vous a surpris ?"],
    titles: [(s) => `${capital(s.topic)} | ${s.brand}`, (s) => capital(s.topic), (s) => `${s.pillar} | ${s.brand}`, (s) => `Un conseil de ${s.brand}`],
    script: (s) => ({
      hook: `Une seconde : ${s.topic}.`,
      beats: [`Montrez le problème que rencontrent nos ${s.customers}`, `Montrez comment ${s.brand} le règle, en un seul plan`, "Terminez sur le résultat et l'appel à l'action"],
      on_screen_text: ["Le saviez-vous ?", capital(s.pillar), "Abonnez-vous pour la suite"],
    }),
    videoLine: () => "Regardez jusqu'au bout : le meilleur arrive à la fin.",
    carouselLine: () => "Faites défiler les diapositives.",
    holiday: (name, brand) => `${name} : toute l'équipe de ${brand} vous souhaite une belle journée. Nous faisons une pause aujourd'hui et revenons vers vous demain.`,
    visual: (format, s) =>
      ({
        photo: `Photo : ${s.topic}. Lumière naturelle, vraies personnes, format portrait 4:5 avec de l'espace en haut pour un titre.`,
        carousel: `Carrousel de 5 diapositives : une couverture « ${s.topic} », trois diapositives avec une idée chacune, une dernière avec l'appel à l'action.`,
        video: `Vidéo verticale 9:16 de 15 à 30 secondes : ${s.topic}. Ouverture sur l'accroche, pas de logo les deux premières secondes, sous-titres à l'écran.`,
        text: `Image facultative : un visuel simple reprenant la première phrase de la publication aux couleurs de la marque.`,
      })[format],
    stopwords: ["le", "la", "les", "et", "de", "des", "du", "pour", "avec", "en", "un", "une", "qui", "plus", "nos", "notre", "leur", "sur", "dans", "au", "aux", "ce", "cette", "comment", "pourquoi", "trois", "cinq", "semaine", "vraie", "autrement", "détails", "remarquent", "premier", "expliqué", "secondes", "vidéo", "série", "photos", "carrousel", "garder", "questions", "fréquentes", "équipe", "histoire", "client", "revient", "invitation", "mois", "bonne", "raison", "maintenant", "coulisses", "chez"],
  },
};

/** Words that name a format: a theme's tail with one ("…: a carousel to save") is the strategy's format, not its topic. */
export const FORMAT_WORDS = /video|vídeo|vidéo|carousel|carrusel|carrousel|karussell|photo series|serie de fotos|fotoserie|série photo/iu;
