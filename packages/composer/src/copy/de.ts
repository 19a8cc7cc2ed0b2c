import type { LanguagePack } from "./types";
import { cap } from "./text";

const families: LanguagePack["families"] = {
  nonprofit: {
    offer: "Die Arbeit, die Unterstützer möglich machen",
    customers: "Unterstützer",
    moments: ["Ein Einsatz im Tierheim vom ersten bis zum letzten Napf", "Der Moment, in dem ein Tier ein neues Zuhause findet"],
    scenes: ["Ehrenamtliche in gleichen Schürzen beim Füttern und Bürsten von Hunden in einem hellen Tierheim, konzentriert und fröhlich", "eine Familie, die am Tor des Tierheims einen Hund an der Leine in Empfang nimmt, alle lachen, Nachmittagslicht"],
    tips: ["Drei Wege zu helfen, die weniger als eine Stunde dauern", "Wohin eine monatliche Spende geht"],
    pillars: ["Geschichten der Tiere und Menschen, denen wir helfen", "Ehrenamtliche und Spender im Porträt", "Offene Zahlen: was jede Spende bewirkt"],
  },
  water: {
    offer: "Geführte Touren auf dem Wasser",
    customers: "Gäste",
    moments: ["Der erste Start des Tages", "Die ruhige Strecke fernab der Straße"],
    scenes: ["ein Guide, der mit zwei Gästen in bunten Kajaks vom Kiesufer ablegt, Morgennebel über dem stillen Wasser", "drei Paddler, die in einer ruhigen Bucht zwischen grünen Hügeln auf ihren Paddeln rasten, von hinten gesehen"],
    tips: ["Was man auf dem Wasser trägt, bei jedem Wetter", "Wie unsere Guides die Route des Tages wählen"],
    pillars: ["Touren auf dem Wasser, die das frühe Aufstehen lohnen", "Sicherheit und Paddeltechnik mit den Guides", "Geschichten von der ersten Tour"],
  },
  surf: {
    offer: "Surfkurse für jedes Niveau",
    customers: "Kursteilnehmer",
    moments: ["Die erste Welle, auf der ein Anfänger steht", "Das Meer lesen vor dem Kurs"],
    scenes: ["eine Anfängerin steht im Weißwasser auf einem Softboard, der Surflehrer jubelt daneben, Vormittagssonne", "ein Surflehrer zeigt einer kleinen Gruppe am Strand die Wellensets, die Boards liegen in einer Reihe daneben"],
    tips: ["Was man zum ersten Surfkurs mitbringt", "Wie man das richtige Board für sein Niveau findet"],
    pillars: ["Kurse und Fortschritte auf dem Board", "Sicherheit im Meer und Wellen lesen", "Die Community am Strand"],
  },
  mountain: {
    offer: "Geführte Tage in den Bergen",
    customers: "Wanderer",
    moments: ["Der Aufbruch auf dem Pfad im ersten Licht", "Der Blick vom Gipfel"],
    scenes: ["ein Bergführer führt eine kleine Gruppe bei Sonnenaufgang einen felsigen Pfad hinauf, die Täler noch im Schatten", "Wanderer rasten am Gipfelsteinmann über einem Wolkenmeer, von hinten gesehen"],
    tips: ["Was in den Rucksack für einen ganzen Tag auf dem Weg gehört", "Wie unsere Guides die Route nach dem Wetter wählen"],
    pillars: ["Routen, die den Aufstieg lohnen", "Sicherheit und Bergtechnik mit den Guides", "Geschichten vom Weg"],
  },
  weddings: {
    offer: "Hochzeiten, in Bildern erzählt",
    customers: "Brautpaare",
    moments: ["Die letzten zehn Minuten vor der Trauung", "Porträts zur goldenen Stunde abseits der Gäste"],
    scenes: ["die Hände der Braut, die am Fenster die Anstecknadel des Bräutigams richten, weiches Licht", "ein Paar Hand in Hand in einem Lavendelfeld zur goldenen Stunde, aus der Distanz fotografiert"],
    tips: ["Wie man den Tagesablauf mit Zeit für Porträts plant", "Was man einen Hochzeitsfotografen vor der Buchung fragen sollte"],
    pillars: ["Echte Hochzeiten von Anfang bis Ende", "Planungstipps für Brautpaare", "Hinter der Kamera am großen Tag"],
  },
  pets: {
    offer: "Bessere Tage für Hunde und ihre Halter",
    customers: "Hundehalter",
    moments: ["Liefertag mit einem sehr neugierigen Hund", "Der Napftest: die erste Mahlzeit eines neuen Rezepts"],
    scenes: ["ein Golden Retriever schnuppert an einem geöffneten Paket auf dem Küchenboden, die Halterin lacht im Hintergrund", "ein kleiner Terrier frisst aus einem Keramiknapf, auf Hundehöhe fotografiert im Morgenlicht"],
    tips: ["Wie man das Futter ohne Bauchweh umstellt", "Wie viel Futter je nach Größe und Aktivität"],
    pillars: ["Gesunde Ernährung, einfach erklärt", "Die Hunde unserer Kunden als Stars", "Was in jedem Rezept steckt"],
  },
  property: {
    offer: "Wohnungen und Häuser in der Nachbarschaft",
    customers: "Käufer",
    moments: ["Der erste Rundgang durch ein neues Objekt", "Die Schlüsselübergabe"],
    scenes: ["ein Makler öffnet einem jungen Paar die Haustür eines hellen Reihenhauses, Morgenlicht im Flur", "eine Familie hält vor ihrem neuen Zuhause die Schlüssel hoch, spontan und glücklich"],
    tips: ["Worauf Erstkäufer bei einer Besichtigung achten sollten", "Wie eine Wertermittlung entsteht"],
    pillars: ["Neue Objekte mit ihrer Geschichte", "Rat für Käufer und Verkäufer", "Das Viertel, Straße für Straße"],
  },
  trades: {
    offer: "Schnelle, saubere Reparaturen zu Hause",
    customers: "Hausbesitzer",
    moments: ["Ein Leck, repariert vor dem Frühstück", "Vorher und nachher einer Badsanierung"],
    scenes: ["ein Installateur in Firmenkleidung repariert ein Rohr unter der Spüle, das Werkzeug ordentlich auf einem Tuch", "ein geteiltes Bild eines alten, verrosteten Kessels und der sauberen neuen Anlage"],
    tips: ["Was in den ersten fünf Minuten nach einem Rohrbruch zu tun ist", "Drei Zeichen, dass die Heizung eine Wartung braucht"],
    pillars: ["Kleine Reparaturen, die man sicher selbst macht", "Aufträge der Woche, vorher und nachher", "Warum Kunden uns wieder anrufen"],
  },
  legal: {
    offer: "Klare Rechtsberatung",
    customers: "Mandanten",
    moments: ["Ein Erstgespräch, Schritt für Schritt erklärt", "Der Tag, an dem ein Fall abgeschlossen ist"],
    scenes: ["eine Anwältin und ein Mandant gehen an einem Holztisch in einem ruhigen, hellen Büro Unterlagen durch, über die Schulter gesehen", "ein Mandant verlässt an einem sonnigen Morgen erleichtert das Gerichtsgebäude, aus respektvoller Distanz fotografiert"],
    tips: ["Welche Unterlagen man zum Erstgespräch mitbringt", "Das häufigste Missverständnis über Ihre Rechte"],
    pillars: ["Ihre Rechte in klarer Sprache", "Wie das Verfahren abläuft, Schritt für Schritt", "Das Team hinter jedem Fall"],
  },
  health: {
    offer: "Behandlung, die man einfach buchen kann",
    customers: "Patienten",
    moments: ["Ein erster Termin aus Sicht der Patienten", "Was in einer Behandlung passiert"],
    scenes: ["eine Physiotherapeutin zeigt einem entspannten Patienten in einem hellen Behandlungsraum mit Pflanzen eine Übung für den Rücken", "eine Empfangskraft begrüßt an einem ruhigen, modernen Empfang eine Patientin mit Sporttasche"],
    tips: ["Wie man sich auf den ersten Termin vorbereitet", "Kleine Übungen für den Alltag am Schreibtisch"],
    pillars: ["Vorbeugung und Bewegung im Alltag", "Das Team der Praxis stellt sich vor", "Was bei jedem Termin passiert"],
  },
  finance: {
    offer: "Geldfragen, klar erklärt",
    customers: "Kunden",
    moments: ["Ein Beratungsgespräch, von der ersten Frage bis zum Plan", "Monatsende mit geordneten Zahlen"],
    scenes: ["ein Berater und eine Kundin besprechen am Küchentisch ein einfaches Spardiagramm auf einem Tablet", "ein aufgeräumter Schreibtisch mit einem Laptop, der ein übersichtliches Finanz-Dashboard zeigt, daneben eine Rechnung"],
    tips: ["Drei Fragen vor jeder finanziellen Entscheidung", "Die Frist, die fast alle vergessen, und wie man vorbereitet ist"],
    pillars: ["Geldthemen in klarer Sprache", "Planen und Sparen, Schritt für Schritt", "Vertrauen: wer wir sind und wie wir arbeiten"],
  },
  music: {
    offer: "Neue Musik und Konzerte",
    customers: "Fans",
    moments: ["Ein Song entsteht ab der ersten Zeile", "Der Soundcheck vor dem Konzert"],
    scenes: ["eine Songwriterin mit Akustikgitarre schreibt auf dem Bett Texte in ein Notizbuch, warmes Lampenlicht", "eine kleine Bühne von hinten im leeren Club beim Soundcheck, bunte Lichter"],
    tips: ["Die Geschichte hinter dem Text des neuen Songs", "Wie die Setlist der Tour entsteht"],
    pillars: ["Wie die Musik entsteht", "Das Leben auf Tour", "Fans und ihre Coverversionen"],
  },
  creator: {
    offer: "Jede Woche neue Folgen",
    customers: "Zuschauer",
    moments: ["Die Aufnahme einer neuen Folge", "Schnitttag: aus einer Stunde werden zehn Minuten"],
    scenes: ["ein Creator am Schreibtisch mit Mikrofon und Ringlicht, mitten im Satz, in einem gemütlichen Heimstudio", "ein Laptop mit der Timeline eines Videos im Schnitt, Notizen auf dem Tisch, Fensterlicht"],
    tips: ["Die häufigste Frage der Zuschauer, in einer Minute beantwortet", "Wie eine Folge geplant wird, von der Idee bis zum Upload"],
    pillars: ["Die Folgen und was sie zeigen", "Hinter den Kulissen des Kanals", "Fragen und Ideen der Community"],
  },
  beauty: {
    offer: "Make-up und Hautpflege, die wirken",
    customers: "Kundinnen",
    moments: ["Ein Alltagslook in fünf Minuten", "Ein neues Produkt auf echter Haut getestet"],
    scenes: ["Nahaufnahme einer jungen Frau, die vor dem Badezimmerspiegel einen getönten Balsam aufträgt, Tageslicht, unretuschiert", "ein Flatlay aus Pflegeflaschen auf hellem Leinen, weiche Schatten"],
    tips: ["Wie man eine Routine für seinen Hauttyp aufbaut", "Welches Produkt zuerst kommt und warum die Reihenfolge zählt"],
    pillars: ["Looks und Routinen zum Nachmachen", "Inhaltsstoffe einfach erklärt", "Echte Haut, echte Kundinnen"],
  },
  fashion: {
    offer: "Kleidung, die hält",
    customers: "Kundinnen",
    moments: ["Ein Teil, drei Looks", "Vom Stoff zum fertigen Kleidungsstück"],
    scenes: ["eine junge Frau in einem weiten Leinenhemd auf einer Straße in der Stadt, natürliches Licht", "Hände schneiden Bio-Baumwolle auf dem Werkstatttisch zu, Schnittmuster an der Wand"],
    tips: ["Wie man Naturstoffe pflegt, damit sie lange halten", "Wie man eine kleine Garderobe für jeden Tag zusammenstellt"],
    pillars: ["Stil-Ideen und Outfits", "Materialien und wie sie entstehen", "Kundinnen in der Kollektion"],
  },
  fitness: {
    offer: "Training, das in die Arbeitswoche passt",
    customers: "Mitglieder",
    moments: ["Der Kurs um sechs Uhr mit voller Energie", "Die erste Bestleistung eines Mitglieds"],
    scenes: ["ein Gruppentraining in einem Studio im Industriestil, Magnesia in der Luft, der Coach zählt herunter", "ein Mitglied feiert am Rudergerät eine Bestleistung, der Coach klatscht ab"],
    tips: ["Ein 15-Minuten-Training für volle Tage", "Wie man nach einer langen Pause wieder einsteigt"],
    pillars: ["Trainingstipps der Coaches", "Fortschritte der Mitglieder", "Die Gemeinschaft der Kurse"],
  },
  hospitality: {
    offer: "Aufenthalte, die in Erinnerung bleiben",
    customers: "Gäste",
    moments: ["Ein Zimmer wird für die Anreise vorbereitet", "Frühstück auf der Terrasse"],
    scenes: ["eine Mitarbeiterin legt eine handgeschriebene Willkommenskarte auf ein frisch bezogenes Bett, Morgensonne durch die Läden", "ein Paar frühstückt auf einer sonnigen Terrasse mit Orangenbäumen, von der Tür aus gesehen"],
    tips: ["Ein perfekter Tag in der Nachbarschaft, empfohlen vom Team", "Wann man für den besten Preis bucht"],
    pillars: ["Der Aufenthalt, Detail für Detail", "Die Stadt mit den Augen der Einheimischen", "Gäste und ihre Geschichten"],
  },
  food: {
    offer: "Gerichte, frisch zubereitet",
    customers: "Stammgäste",
    moments: ["Die Vorbereitung am Morgen vor dem Öffnen", "Das Gericht, das alle bestellen"],
    scenes: ["ein Koch schneidet frisches Gemüse an einer Edelstahltheke in einer offenen Küche, Dampf und Morgenlicht", "das Lieblingsgericht auf einem rustikalen Holztisch, Hände greifen zum Teilen, warmes Abendlicht"],
    tips: ["Die Geschichte hinter der Karte dieser Woche", "Ein einfaches Rezept aus unserer Küche für zu Hause"],
    pillars: ["Gerichte und saisonale Karten", "Aus der Küche: Menschen und Zutaten", "Stammgäste und die Nachbarschaft"],
  },
  bakery: {
    offer: "Brot, Kuchen und Torten aus eigener Backstube",
    customers: "Stammkunden",
    moments: ["Die Backstube um vier Uhr morgens", "Das Lieblingsstück, das jeder bestellt"],
    scenes: ["ein Bäcker formt im Morgengrauen Brotlaibe auf einem bemehlten Holztisch, Dampf aus dem Ofen", "eine Torte auf einem rustikalen Holztisch, Hände greifen nach Stücken, warmes Nachmittagslicht"],
    tips: ["Die Geschichte hinter dem Angebot dieser Woche", "Wie Brot mehrere Tage frisch bleibt"],
    pillars: ["Backwaren und Angebote der Saison", "Aus der Backstube: Menschen und Zutaten", "Stammkunden und die Nachbarschaft"],
  },
  cafe: {
    offer: "Kaffee, für den sich der Umweg lohnt",
    customers: "Stammgäste",
    moments: ["Der erste Espresso im Morgenandrang", "Ein neuer Single Origin an der Theke"],
    scenes: ["eine Barista gießt Latte Art in eine Keramiktasse auf einer Holztheke, Morgenlicht", "Studierende mit Laptops und Kaffee an einem langen Gemeinschaftstisch, entspannt"],
    tips: ["Wie unsere Barista jeden Morgen den Espresso einstellt", "Welcher Kaffee passt, wenn man ihn mit Milch trinkt"],
    pillars: ["Kaffee mit Sorgfalt zubereitet", "Die Menschen hinter der Theke", "Ein Ort zum Arbeiten, Treffen und Bleiben"],
  },
  bar: {
    offer: "Weine, die man glasweise entdeckt",
    customers: "Gäste",
    moments: ["Eine neue Flasche für die Abendkarte öffnen", "Ein Verkostungsabend an der Bar"],
    scenes: ["eine Sommelière schenkt zwei Freundinnen an einer Zinktheke ein Glas Rotwein ein, warmes Abendlicht", "ein langer Tisch für eine Verkostung mit Gläsern, kleinen Tellern und handgeschriebenen Etiketten"],
    tips: ["Wie man einen Wein findet, der einem schmeckt", "Was zu den Tellern dieser Woche passt"],
    pillars: ["Weine und die Menschen dahinter", "Abende an der Bar", "Verkostungen und kleine Veranstaltungen"],
  },
  drinks: {
    offer: "Getränke mit eigenem Geschmack",
    customers: "Fans",
    moments: ["Die neue Sorte zum ersten Mal probieren", "Eine Dose auf dem Schreibtisch um zwei Uhr nachts"],
    scenes: ["Freunde reagieren beim ersten Schluck der neuen Sorte direkt aus der Dose, Neonlicht", "ein Gaming-Schreibtisch bei Nacht mit leuchtender Tastatur und einer kalten Dose"],
    tips: ["Welche Sorte zu welchem Moment passt", "Wie die neue Sorte entwickelt wurde"],
    pillars: ["Sorten und Neuheiten", "Fans und ihre Momente", "Kultur: Games, Musik und Events"],
  },
  retail: {
    offer: "Produkte, die man gern benutzt",
    customers: "Kunden",
    moments: ["Eine Neuheit frisch ausgepackt", "Ein Produkt im Alltag"],
    scenes: ["Hände öffnen auf einem hellen Tisch ein Paket aus Kraftpapier, das Produkt in Seidenpapier", "das Produkt im Einsatz zu Hause oder unterwegs, natürliches Licht, ein ungestellter Moment"],
    tips: ["Wie man das richtige Modell für sich findet", "Drei Anwendungen, die unsere Kunden entdeckt haben"],
    pillars: ["Produkte im echten Leben", "Gut wählen: Ratgeber und Vergleiche", "Fotos und Bewertungen von Kunden"],
  },
  home: {
    offer: "Räume, die sich nach Zuhause anfühlen",
    customers: "Hausbesitzer",
    moments: ["Ein Raum, an einem Wochenende verwandelt", "Materialien für einen neuen Raum auswählen"],
    scenes: ["ein helles Wohnzimmer nach der Umgestaltung, Leinenkissen und eine Wolldecke auf dem Sofa, Nachmittagslicht", "Hände legen Stoff- und Holzmuster neben einen Grundriss auf einen großen Tisch"],
    tips: ["Wie man Farben wählt, die zusammenpassen", "Drei kleine Änderungen, die einen Raum größer wirken lassen"],
    pillars: ["Gestaltungsideen für echte Wohnungen", "Materialien und Handwerk", "Fertige Projekte und ihre Bewohner"],
  },
  education: {
    offer: "Unterricht, der hängen bleibt",
    customers: "Lernende",
    moments: ["Eine Idee in einer Minute erklärt", "Der erste Erfolg eines Lernenden"],
    scenes: ["eine Lehrerin zeichnet ein einfaches Schema an die Tafel, zwei Erwachsene machen Notizen", "ein Lernender lächelt nach einer Lektion vor dem Laptop, daneben ein volles Notizbuch"],
    tips: ["Eine tägliche Übungsroutine von fünf Minuten", "Der Fehler, den fast alle Anfänger machen"],
    pillars: ["Kurze Lektionen für heute", "Erfolgsgeschichten von Lernenden", "So funktioniert der Kurs"],
  },
  professional: {
    offer: "Fachliche Beratung für wachsende Teams",
    customers: "Kunden",
    moments: ["Ein Workshop mit einem Kunden", "Der Moment, in dem ein Projekt Ergebnisse bringt"],
    scenes: ["Berater und das Team eines Kunden an einem Whiteboard voller Haftnotizen, eine Person präsentiert", "zwei Personen geben sich über einem Besprechungstisch mit gedrucktem Bericht die Hand"],
    tips: ["Fünf Fragen, bevor man einen Berater beauftragt", "Die ersten 30 Tage eines neuen Projekts"],
    pillars: ["Fachliche Standpunkte", "Ergebnisse unserer Kunden", "Wie wir arbeiten"],
  },
  software: {
    offer: "Software, die Teams Stunden spart",
    customers: "Kunden",
    moments: ["Eine Produktführung in 60 Sekunden", "Der Arbeitsablauf eines Kunden, vorher und nachher"],
    scenes: ["eine Produktmanagerin zeigt drei Kollegen ein übersichtliches Lager-Dashboard auf einem großen Bildschirm, helles Büro", "ein geteiltes Bild: links eine chaotische Tabelle, rechts dieselben Zahlen in einem aufgeräumten, automatischen Dashboard"],
    tips: ["Die Funktion, nach der Kunden am häufigsten fragen", "Der Fehler, den Teams beim Wechsel des Werkzeugs machen"],
    pillars: ["Produktwissen und Anleitungen", "Kundenergebnisse in Zahlen", "Einblicke in die Branche vom Team"],
  },
  general: {
    offer: "Was wir machen und warum",
    customers: "Kunden",
    moments: ["Ein normaler Tag hinter den Kulissen", "Ein Kunde nutzt, was wir machen"],
    scenes: ["das Team bei der Arbeit in seinem Alltag, spontan und herzlich, Tageslicht", "ein Kunde nutzt das Produkt in natürlicher Umgebung bei weichem Tageslicht"],
    tips: ["Die Frage, die wir am häufigsten hören, beantwortet", "Ein schneller Tipp für heute"],
    pillars: ["Was wir machen und wie", "Geschichten von Kunden", "Die Menschen hinter der Marke"],
  },
};


export const de: LanguagePack = {
  families,
  goals: {
    donations: { phrase: "regelmäßige Spenden und neue Ehrenamtliche", cta: "spenden oder mithelfen" },
    downloads: { phrase: "mehr App-Downloads", cta: "die App laden" },
    bookings: { phrase: "mehr Buchungen", cta: "einen Termin buchen" },
    leads: { phrase: "qualifizierte Anfragen", cta: "ein Erstgespräch anfragen" },
    visits: { phrase: "mehr Besuche an ruhigen Tagen", cta: "diese Woche vorbeikommen" },
    sales: { phrase: "mehr Umsatz", cta: "jetzt vorbestellen" },
    community: { phrase: "eine treue Gemeinschaft", cta: "folgen" },
    awareness: { phrase: "mehr Bekanntheit", cta: "folgen und teilen" },
  },
  themes: ({ brand, copy, industry, goal }) => [
    { text: `Hinter den Kulissen bei ${brand}: ${copy.moments[0]}`, scene: 0 },
    { text: `${cap(industry)}, wie ${brand} es macht: drei Dinge, die den Unterschied machen` },
    { text: `${copy.tips[0]}: in einem 30-Sekunden-Video erklärt` },
    { text: `${copy.moments[1]}: eine Fotoserie aus einer echten Woche`, scene: 1 },
    { text: `${copy.tips[1]}: ein Karussell zum Speichern` },
    { text: `Die fünf häufigsten Fragen unserer ${copy.customers}, beantwortet vom Team von ${brand}` },
    { text: `Kundengeschichte: warum jemand immer wieder zu ${brand} kommt` },
    { text: `Die Einladung des Monats – ${goal.cta} – mit einem guten Grund, es jetzt zu tun` },
  ],
  pillars: ({ copy, goal }) => [`Warum es sich lohnt: ${cap(goal.cta)} – gezeigt statt behauptet`, `Unsere ${copy.customers} in eigenen Worten`],
  tactics: {
    regulated: () => "Jeden Beitrag vor der Veröffentlichung an den Werberegeln des Berufsstands prüfen: keine Erfolgsversprechen und ein klarer Hinweis, wann eine persönliche Beratung nötig ist",
    reviews: (c) => `Zufriedene ${c.copy.customers} direkt nach dem Besuch um eine Google-Bewertung bitten und jede Bewertung innerhalb eines Tages beantworten`,
    b2b: (c) => `Zwei Personen von ${c.brand} teilen jede Woche auf LinkedIn eine Erkenntnis aus der Arbeit mit Kunden, in eigenen Worten`,
    trend: (c) => `Jede Woche einen passenden Trend mit einer ${c.brand}-Note aufgreifen, innerhalb von zwei Tagen nach seinem Start`,
    donations: () => "Jedem neuen Spender und jeder neuen Ehrenamtlichen namentlich danken (mit Einverständnis) und zeigen, was ihre Hilfe bewirkt hat",
    reply: (c) => `Jeden Kommentar auf ${c.platforms[0]!.name} in der ersten Stunde beantworten und die beste Frage zum Beitrag der nächsten Woche machen`,
    poll: (c) => `Einmal im Monat per Umfrage fragen, welches Thema ${c.brand} als Nächstes aufgreifen soll, und das Ergebnis veröffentlichen`,
    photos: (c) => `${c.copy.customers} einladen, eigene Fotos mit einem ${c.brand}-Hashtag zu teilen, und jede Woche eines mit Erlaubnis teilen`,
    live: (c) => `Jeden Monat eine Live-Fragestunde mit dem Team von ${c.brand} veranstalten`,
    nextStep: (c) => `Jeden Beitrag mit genau einem klaren nächsten Schritt beenden: ${c.goal.cta}`,
  },
  rationale: (platform, { brand, audience, goal, profile, copy }) => {
    switch (platform) {
      case "linkedin":
        return profile.market === "b2b"
          ? `${cap(audience)} vergleichen Anbieter und folgen Fachleuten auf LinkedIn; dort gewinnt ${brand} ihr Vertrauen mit kurzen Fachbeiträgen und Dokument-Karussells – mit dem Ziel: ${goal.phrase}.`
          : `LinkedIn erreicht die Berufstätigen unter der Zielgruppe (${audience}); ${brand} nutzt es für Glaubwürdigkeit, Partnerschaften und Personal statt als Hauptkanal für den Verkauf.`;
      case "instagram":
        return `Zielgruppe ${audience}: Sie entdeckt neue Lieblingsorte und Produkte über Fotos und Reels, bevor sie sich entscheidet; auf Instagram zeigt ${brand} Momente wie „${copy.moments[0]}“ und macht aus Interesse ${goal.phrase}.`;
      case "tiktok":
        return `Auf TikTok verbringt die Zielgruppe (${audience}) täglich Stunden, und der Feed zeigt neue Konten auch Fremden: kurze, ehrliche Videos von ${brand} erreichen sie ohne Werbebudget.`;
      case "facebook":
        return profile.reach === "local"
          ? `Über Facebook-Gruppen und Veranstaltungen finden ${audience} Empfehlungen in der Nähe; für ${brand} ist es der Ort für Termine, Bewertungen und ${goal.phrase}.`
          : `Facebook erreicht weiterhin die größte Altersspanne, auch ${audience}; Gemeinschaftsbeiträge, Veranstaltungen und gezielte Anzeigen bringen ${brand} ${goal.phrase}.`;
      case "youtube":
        return `Auf YouTube sucht die Zielgruppe (${audience}), um zu lernen, bevor sie sich festlegt; längere Videos zum Thema „${copy.tips[0]}“ bringen ${brand} über Monate Zuschauer.`;
      case "pinterest":
        return `Auf Pinterest sammelt die Zielgruppe (${audience}) Ideen lange vor dem Kauf; Pins mit Link zur Website von ${brand} bringen noch Monate später Besucher.`;
      case "google":
        return `Menschen in der Nähe suchen genau dann auf Google Maps, wenn sie entscheiden, wohin sie gehen oder wen sie anrufen; ein vollständiges Profil mit Fotos, Öffnungszeiten und beantworteten Bewertungen macht daraus ${goal.phrase} für ${brand}.`;
      case "x":
        return `Auf X verfolgt die Zielgruppe (${audience}) Nachrichten und Debatten in Echtzeit; ${brand} kann sich mit kurzen Einschätzungen einbringen und von Journalisten gesehen werden.`;
    }
  },
  cadence: {
    linkedin: "3 Beiträge pro Woche, dienstags bis donnerstags zwischen 8 und 10 Uhr",
    instagram: "4 Beiträge oder Reels pro Woche und täglich Stories, gegen Mittag und zwischen 19 und 21 Uhr",
    tiktok: "1 kurzes Video pro Werktag, veröffentlicht zwischen 18 und 22 Uhr",
    facebook: "3 Beiträge pro Woche an Werktagen gegen 13–15 Uhr, dazu Veranstaltungen nach Bedarf",
    youtube: "1 längeres Video alle zwei Wochen und 2 Shorts pro Woche",
    pinterest: "5–10 Pins pro Woche, geplant für Abende und Wochenenden",
    google: "1 Neuigkeit mit Foto pro Woche und Antworten auf neue Bewertungen innerhalb eines Tages",
    x: "1–2 Beiträge pro Werktag am Morgen, dazu Antworten",
  },
  scheduleClose: ({ brand }) => `Zwei Wochen im Voraus planen, pro Woche einen Platz für Aktuelles freihalten und jeden Freitag prüfen, was für ${brand} funktioniert hat.`,
  visual: (theme, scene) => `Foto für den Beitrag „${theme}“: ${scene}. Natürliches Licht und echte Menschen statt Models; Hochformat 4:5 mit ruhiger Fläche oben für eine Überschrift.`,
};
