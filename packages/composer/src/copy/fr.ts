import type { LanguagePack } from "./types";
import { cap, lower } from "./text";

const families: LanguagePack["families"] = {
  nonprofit: {
    offer: "Le travail que nos soutiens rendent possible",
    customers: "donateurs",
    moments: ["Une permanence de bénévoles du début à la fin", "Le moment où l'aide arrive à une famille"],
    scenes: ["des bénévoles en tabliers assortis trient des dons sur de longues tables dans une salle associative lumineuse", "une bénévole remet un sac plein à une voisine sur le pas de sa porte, toutes deux souriantes, lumière de fin d'après-midi"],
    tips: ["Trois façons d'aider en moins d'une heure", "Où va un don mensuel"],
    pillars: ["Histoires des personnes que nous aidons", "Bénévoles et donateurs à l'honneur", "Comptes clairs : ce que permet chaque don"],
  },
  water: {
    offer: "Sorties guidées sur l'eau",
    customers: "pagayeurs",
    moments: ["La première mise à l'eau de la journée", "Le passage calme loin de la route"],
    scenes: ["un guide pousse un kayak depuis une rive de galets avec deux participants, brume sur l'eau calme", "trois pagayeurs se reposent sur leurs pagaies dans une baie tranquille entourée de collines vertes, vus de dos"],
    tips: ["Que porter sur l'eau, quel que soit le temps", "Comment nos guides choisissent l'itinéraire du jour"],
    pillars: ["Itinéraires sur l'eau qui valent le réveil matinal", "Sécurité et technique de pagaie avec les guides", "Récits de première sortie"],
  },
  surf: {
    offer: "Cours de surf pour tous les niveaux",
    customers: "élèves",
    moments: ["La première vague sur laquelle un débutant se lève", "Lire la mer avant le cours"],
    scenes: ["une débutante se lève sur une planche en mousse dans l'écume, le moniteur l'encourage, soleil de fin de matinée", "un moniteur et un petit groupe sur la plage montrent les séries de vagues, les planches alignées à côté"],
    tips: ["Que prendre pour un premier cours de surf", "Comment choisir la planche adaptée à son niveau"],
    pillars: ["Cours et progrès sur la planche", "Sécurité en mer et lecture des vagues", "La communauté de la plage"],
  },
  mountain: {
    offer: "Journées guidées en montagne",
    customers: "randonneurs",
    moments: ["Le départ sur le sentier aux premières lueurs", "La vue depuis le sommet"],
    scenes: ["un accompagnateur mène un petit groupe sur un sentier rocheux au lever du soleil, les vallées encore dans l'ombre", "des randonneurs font une pause près du cairn du sommet au-dessus d'une mer de nuages, vus de dos"],
    tips: ["Que mettre dans le sac pour une journée de randonnée", "Comment nos guides choisissent l'itinéraire selon la météo"],
    pillars: ["Itinéraires qui valent la montée", "Sécurité et technique en montagne avec les guides", "Récits de randonneurs sur le sentier"],
  },
  weddings: {
    offer: "Des mariages racontés en images",
    customers: "couples",
    moments: ["Les dix dernières minutes avant la cérémonie", "Portraits à l'heure dorée loin des invités"],
    scenes: ["les mains de la mariée ajustent la boutonnière du marié près d'une fenêtre, lumière douce", "un couple marche main dans la main dans un champ de lavande à l'heure dorée, photographié de loin"],
    tips: ["Comment prévoir le déroulé de la journée avec du temps pour les portraits", "Que demander à un photographe de mariage avant de réserver"],
    pillars: ["De vrais mariages, du début à la fin", "Conseils pour les futurs mariés", "Derrière l'objectif le jour J"],
  },
  pets: {
    offer: "De meilleurs jours pour les chiens et leurs maîtres",
    customers: "maîtres",
    moments: ["Le jour de livraison avec un chien très curieux", "Le test de la gamelle : premier repas d'une nouvelle recette"],
    scenes: ["un golden retriever renifle un carton ouvert sur le sol de la cuisine, sa maîtresse rit à l'arrière-plan", "un petit terrier mange dans une gamelle en céramique, photographié à hauteur de chien dans la lumière du matin"],
    tips: ["Comment changer l'alimentation d'un chien en douceur", "Quelle quantité donner selon la taille et l'activité"],
    pillars: ["Une alimentation saine et simple", "Les chiens de nos clients en vedette", "Ce que contient chaque recette"],
  },
  property: {
    offer: "Logements à vendre et à louer dans le quartier",
    customers: "acheteurs",
    moments: ["La première visite d'un nouveau bien", "La remise des clés"],
    scenes: ["un agent ouvre la porte d'une maison lumineuse à un jeune couple, lumière du matin dans l'entrée", "une famille tient les clés devant sa nouvelle maison, spontanée et heureuse"],
    tips: ["Que vérifier lors d'une visite quand on achète pour la première fois", "Comment se calcule une estimation"],
    pillars: ["Nouveaux biens et leur histoire", "Conseils pour acheter et vendre", "Le quartier, rue par rue"],
  },
  trades: {
    offer: "Des réparations rapides et propres à domicile",
    customers: "propriétaires",
    moments: ["Une fuite réparée avant le petit-déjeuner", "Avant et après une rénovation de salle de bains"],
    scenes: ["un plombier en tenue de l'entreprise répare un tuyau sous un évier, les outils rangés sur une serviette", "une image coupée en deux : une vieille chaudière rouillée et l'installation neuve qui l'a remplacée"],
    tips: ["Que faire dans les cinq premières minutes d'une fuite", "Trois signes qu'une chaudière a besoin d'un entretien"],
    pillars: ["Petites réparations à faire en sécurité", "Chantiers de la semaine, avant et après", "Pourquoi nos clients nous rappellent"],
  },
  legal: {
    offer: "Un conseil juridique clair",
    customers: "clients",
    moments: ["Un premier rendez-vous expliqué pas à pas", "Le jour où un dossier se règle"],
    scenes: ["une avocate et un client examinent des documents sur une table en bois dans un bureau calme et lumineux, vus par-dessus l'épaule du client", "une famille quitte un tribunal par une matinée ensoleillée, soulagée, photographiée à distance respectueuse"],
    tips: ["Quels documents apporter au premier rendez-vous", "Le malentendu le plus fréquent sur vos droits"],
    pillars: ["Vos droits en langage clair", "Comment se déroule la procédure, étape par étape", "L'équipe derrière chaque dossier"],
  },
  health: {
    offer: "Des soins faciles à réserver",
    customers: "patients",
    moments: ["Un premier rendez-vous vu par le patient", "Ce qui se passe pendant un contrôle"],
    scenes: ["une praticienne explique un modèle de dentition à un patient détendu dans un cabinet lumineux avec des plantes", "une assistante accueille un parent et son enfant à un accueil moderne et calme"],
    tips: ["Comment préparer un premier rendez-vous", "Les petites habitudes quotidiennes qui protègent votre sourire"],
    pillars: ["Prévention et soins du quotidien", "Rencontre avec l'équipe soignante", "Ce qui vous attend à chaque visite"],
  },
  finance: {
    offer: "L'argent expliqué clairement",
    customers: "clients",
    moments: ["Un rendez-vous de conseil, de la première question au plan", "La fin du mois avec des comptes en ordre"],
    scenes: ["un conseiller et une cliente étudient un graphique d'épargne simple sur une tablette à la table de la cuisine", "un bureau rangé avec un ordinateur portable affichant un tableau de bord clair à côté d'une facture"],
    tips: ["Trois questions avant toute décision financière", "L'échéance que presque tout le monde oublie"],
    pillars: ["L'argent en langage clair", "Épargne et planification, étape par étape", "Confiance : qui nous sommes et comment nous travaillons"],
  },
  music: {
    offer: "Nouvelle musique et concerts",
    customers: "fans",
    moments: ["Écrire une chanson dès le premier vers", "La balance avant le concert"],
    scenes: ["une autrice-compositrice avec une guitare acoustique écrit des paroles dans un carnet sur son lit, lumière chaude de lampe", "une petite scène vue du fond d'une salle vide pendant la balance, lumières colorées"],
    tips: ["L'histoire derrière les paroles de la nouvelle chanson", "Comment se choisit la setlist de la tournée"],
    pillars: ["La fabrication de la musique", "La vie en tournée", "Les fans et leurs reprises"],
  },
  creator: {
    offer: "De nouveaux épisodes chaque semaine",
    customers: "abonnés",
    moments: ["L'enregistrement d'un nouvel épisode", "Jour de montage : une heure devient dix minutes"],
    scenes: ["un créateur à son bureau avec micro et lampe annulaire, en pleine phrase, dans un studio maison chaleureux", "un écran d'ordinateur avec la timeline d'une vidéo en montage, des notes sur la table, lumière de fenêtre"],
    tips: ["La question que l'on nous pose le plus, en une minute", "Comment se prépare un épisode, de l'idée à la mise en ligne"],
    pillars: ["Les épisodes et ce qu'ils apprennent", "Dans les coulisses de la chaîne", "Les questions et idées de la communauté"],
  },
  beauty: {
    offer: "Des soins et du maquillage qui tiennent leurs promesses",
    customers: "clientes",
    moments: ["Une routine du matin en cinq minutes", "Un nouveau soin testé sur une vraie peau"],
    scenes: ["gros plan d'une jeune femme appliquant une crème devant le miroir de la salle de bains, lumière naturelle, sans retouche", "une composition de flacons de soins sur du lin clair, ombres douces"],
    tips: ["Comment construire une routine adaptée à sa peau", "Quel soin appliquer en premier, et pourquoi l'ordre compte"],
    pillars: ["Routines et gestes à reproduire", "Les ingrédients expliqués simplement", "Vraie peau, vraies clientes"],
  },
  fashion: {
    offer: "Des vêtements faits pour durer",
    customers: "clientes",
    moments: ["Une pièce portée de trois façons", "Du tissu au vêtement fini"],
    scenes: ["une jeune femme en chemise de lin ample marche dans une rue de la ville, lumière naturelle", "des mains découpent du coton bio sur la table de l'atelier, des patrons au mur"],
    tips: ["Comment entretenir les tissus naturels pour qu'ils durent", "Comment composer une petite garde-robe pour tous les jours"],
    pillars: ["Idées de style et tenues", "Les matières et leur fabrication", "Nos clientes portent la collection"],
  },
  fitness: {
    offer: "Des entraînements qui tiennent dans la semaine",
    customers: "adhérents",
    moments: ["Le cours de 7 h à pleine énergie", "Le premier record d'un adhérent"],
    scenes: ["un entraînement collectif dans une salle au style industriel, magnésie dans l'air, le coach compte à rebours", "un adhérent fête son record sur le rameur pendant que le coach lui tape dans la main"],
    tips: ["Une séance de quinze minutes pour les journées chargées", "Comment reprendre après une longue pause"],
    pillars: ["Conseils d'entraînement des coachs", "Progrès des adhérents", "La communauté des cours"],
  },
  hospitality: {
    offer: "Des séjours dont on se souvient",
    customers: "clients",
    moments: ["Une chambre préparée pour l'arrivée", "Le petit-déjeuner en terrasse"],
    scenes: ["une employée pose une carte de bienvenue manuscrite sur un lit fraîchement fait, soleil du matin à travers les volets", "un couple prend le petit-déjeuner sur une terrasse ensoleillée plantée d'orangers, vu depuis la porte"],
    tips: ["Une journée parfaite dans le quartier, selon notre équipe", "Quand réserver pour le meilleur tarif"],
    pillars: ["Le séjour, détail par détail", "La ville vue par ceux qui y vivent", "Les clients et leurs histoires"],
  },
  bakery: {
    offer: "Pains et gâteaux cuits chaque matin",
    customers: "habitués",
    moments: ["Le fournil à quatre heures du matin", "La miche que tout le monde réclame"],
    scenes: ["un boulanger façonne des pains sur un plan de travail en bois fariné avant l'aube, vapeur du four", "un gâteau de fête sur une table rustique, des mains prennent des parts, lumière chaude d'après-midi"],
    tips: ["L'histoire de la fournée de la semaine", "Comment garder le pain frais plusieurs jours"],
    pillars: ["Pains, gâteaux et douceurs de saison", "Au fournil : les gens et la farine", "Les habitués et le quartier"],
  },
  cafe: {
    offer: "Un café qui vaut le détour",
    customers: "habitués",
    moments: ["Le premier espresso du coup de feu du matin", "Un nouveau café d'origine au comptoir"],
    scenes: ["une barista verse un latte art dans une tasse en céramique sur un comptoir en bois, lumière du matin", "des étudiants avec ordinateurs et cafés autour d'une grande table partagée, ambiance détendue"],
    tips: ["Comment notre barista règle l'espresso chaque matin", "Quel café choisir si vous le prenez avec du lait"],
    pillars: ["Le café préparé avec soin", "Les gens derrière le comptoir", "Un lieu pour travailler, se retrouver et rester"],
  },
  bar: {
    offer: "Des vins à découvrir au verre",
    customers: "habitués",
    moments: ["L'ouverture d'une nouvelle bouteille pour la carte du soir", "Une soirée dégustation au comptoir"],
    scenes: ["une sommelière sert un verre de rouge à deux amies au comptoir en zinc, lumière chaude du soir", "une longue table dressée pour une dégustation avec verres, petites assiettes et étiquettes écrites à la main"],
    tips: ["Comment choisir un vin qui vous plaira", "Quel vin avec les assiettes de la semaine"],
    pillars: ["Les vins et ceux qui les font", "Les soirées au comptoir", "Dégustations et petits événements"],
  },
  drinks: {
    offer: "Des boissons au goût unique",
    customers: "fans",
    moments: ["Goûter la nouvelle saveur pour la première fois", "Une canette sur le bureau à deux heures du matin"],
    scenes: ["des amis réagissent en goûtant une nouvelle saveur à la canette, lumière néon", "un bureau de gamer la nuit avec un clavier lumineux et une canette fraîche"],
    tips: ["Quelle saveur pour quel moment", "Comment la nouvelle saveur a été créée"],
    pillars: ["Saveurs et lancements", "Les fans et leurs moments", "Culture : jeux, musique et événements"],
  },
  food: {
    offer: "Des plats faits maison chaque jour",
    customers: "habitués",
    moments: ["La mise en place du matin avant l'ouverture", "Le plat que tout le monde commande"],
    scenes: ["un cuisinier coupe des légumes frais sur un plan en inox dans une cuisine ouverte, vapeur et lumière du matin", "le plat signature servi sur une table en bois rustique, des mains s'approchent pour partager, lumière chaude du soir"],
    tips: ["L'histoire derrière le menu de la semaine", "Une recette simple de notre cuisine à refaire chez soi"],
    pillars: ["Plats et menus de saison", "En cuisine : les gens et les produits", "Les habitués et le quartier"],
  },
  retail: {
    offer: "Des produits qu'on aime utiliser",
    customers: "clients",
    moments: ["Une nouveauté tout juste déballée", "Un produit au quotidien"],
    scenes: ["des mains ouvrent un colis en papier kraft sur une table lumineuse, le produit dans du papier de soie", "le produit utilisé à la maison ou dans la rue, lumière naturelle, un moment spontané"],
    tips: ["Comment choisir le modèle qui vous convient", "Trois usages que nos clients ont inventés"],
    pillars: ["Les produits dans la vraie vie", "Bien choisir : guides et comparatifs", "Photos et avis de clients"],
  },
  home: {
    offer: "Des intérieurs où l'on se sent chez soi",
    customers: "propriétaires",
    moments: ["Une pièce transformée en un week-end", "Choisir les matériaux d'un nouvel espace"],
    scenes: ["un salon lumineux après la transformation, coussins en lin et plaid en laine sur le canapé, lumière d'après-midi", "des mains posent des échantillons de tissu et de bois sur une grande table à côté d'un plan"],
    tips: ["Comment choisir des couleurs qui s'accordent", "Trois petits changements qui agrandissent un espace"],
    pillars: ["Idées déco pour de vrais intérieurs", "Matériaux et savoir-faire", "Projets terminés et leurs habitants"],
  },
  education: {
    offer: "Des cours qui font vraiment progresser",
    customers: "élèves",
    moments: ["Une notion expliquée en une minute", "La première réussite d'un élève"],
    scenes: ["une enseignante dessine un schéma simple au tableau pendant que deux adultes prennent des notes", "un élève sourit devant son ordinateur après une leçon, un carnet rempli à côté"],
    tips: ["Une routine d'entraînement de cinq minutes par jour", "L'erreur que font presque tous les débutants"],
    pillars: ["Leçons rapides à utiliser aujourd'hui", "Réussites d'élèves", "Comment fonctionne le cours"],
  },
  professional: {
    offer: "Du conseil expert pour les équipes qui grandissent",
    customers: "clients",
    moments: ["Un atelier avec un client en cours", "Le moment où un projet porte ses fruits"],
    scenes: ["des consultants et l'équipe d'un client autour d'un tableau couvert de post-it, une personne présente", "deux personnes se serrent la main au-dessus d'une table de réunion avec un rapport imprimé"],
    tips: ["Cinq questions avant de choisir un cabinet de conseil", "Les 30 premiers jours d'une transformation"],
    pillars: ["Points de vue d'experts", "Résultats de nos clients", "Notre méthode de travail"],
  },
  software: {
    offer: "Un logiciel qui fait gagner des heures aux équipes",
    customers: "clients",
    moments: ["Une démonstration du produit en 60 secondes", "Le quotidien d'un client, avant et après"],
    scenes: ["une responsable produit présente un tableau de bord clair sur un grand écran à trois collègues, bureau lumineux", "une image coupée en deux : un tableur en désordre et les mêmes chiffres dans un tableau de bord automatique et net"],
    tips: ["La fonctionnalité sur laquelle les clients posent le plus de questions", "L'erreur des équipes qui changent d'outil"],
    pillars: ["Formation au produit", "Résultats clients en chiffres", "Regards sur le secteur par l'équipe"],
  },
  general: {
    offer: "Ce que nous faisons et pourquoi",
    customers: "clients",
    moments: ["Une journée ordinaire en coulisses", "Un client qui utilise ce que nous faisons"],
    scenes: ["l'équipe au travail dans son espace de tous les jours, spontanée et chaleureuse, lumière du jour", "un client utilise le produit dans un cadre naturel, lumière douce"],
    tips: ["La question que l'on entend le plus, avec sa réponse", "Une astuce rapide pour aujourd'hui"],
    pillars: ["Ce que nous faisons et comment", "Histoires de clients", "Les personnes derrière la marque"],
  },
};


export const fr: LanguagePack = {
  families,
  goals: {
    donations: { phrase: "des dons réguliers et de nouveaux bénévoles", cta: "faire un don ou devenir bénévole" },
    downloads: { phrase: "plus de téléchargements de l'application", cta: "télécharger l'application" },
    bookings: { phrase: "plus de réservations", cta: "réserver une date" },
    leads: { phrase: "des demandes qualifiées", cta: "demander un premier échange" },
    visits: { phrase: "plus de visites les jours creux", cta: "passer cette semaine" },
    sales: { phrase: "plus de ventes", cta: "commander en ligne" },
    community: { phrase: "une communauté fidèle", cta: "suivre le compte" },
    awareness: { phrase: "plus de notoriété", cta: "suivre et partager" },
  },
  themes: ({ brand, copy, industry, goal }) => [
    { text: `Dans les coulisses de ${brand} : ${lower(copy.moments[0])}`, scene: 0 },
    { text: `${cap(industry)}, façon ${brand} : trois détails qui font la différence` },
    { text: `${copy.tips[0]} : une vidéo de 30 secondes` },
    { text: `${copy.moments[1]} : une série photo d'une vraie semaine`, scene: 1 },
    { text: `${copy.tips[1]} : un carrousel à enregistrer` },
    { text: `Les cinq questions les plus fréquentes de nos ${copy.customers}, avec les réponses de l'équipe de ${brand}` },
    { text: `Histoire de client : pourquoi il revient toujours chez ${brand}` },
    { text: `L'invitation du mois à ${goal.cta}, avec une bonne raison de le faire maintenant` },
  ],
  pillars: ({ copy, goal }) => [`Des raisons de ${goal.cta}, montrées plutôt que dites`, `Nos ${copy.customers}, avec leurs propres mots`],
  tactics: {
    regulated: () => "Faire relire chaque publication selon les règles de communication de la profession avant sa mise en ligne : aucune promesse de résultat et une mention claire des cas où un avis personnel s'impose",
    reviews: (c) => `Demander un avis Google aux ${c.copy.customers} satisfaits juste après leur visite et répondre à chaque avis dans la journée`,
    b2b: (c) => `Deux personnes de ${c.brand} partagent chaque semaine sur LinkedIn un enseignement tiré du travail avec les clients, avec leurs propres mots`,
    trend: (c) => `Reprendre chaque semaine une tendance qui s'y prête, à la manière de ${c.brand}, dans les deux jours qui suivent son apparition`,
    donations: () => "Remercier nommément (avec leur accord) chaque nouveau donateur ou bénévole et montrer ce que leur aide a permis",
    reply: (c) => `Répondre à chaque commentaire sur ${c.platforms[0]!.name} dans l'heure et faire de la meilleure question la publication de la semaine suivante`,
    poll: (c) => `Demander chaque mois par un sondage quel sujet ${c.brand} doit traiter ensuite, et publier le résultat`,
    photos: (c) => `Inviter les ${c.copy.customers} à partager leurs photos avec un hashtag ${c.brand} et en republier une par semaine avec leur accord`,
    live: (c) => `Organiser chaque mois une séance de questions en direct avec l'équipe de ${c.brand}`,
    nextStep: (c) => `Terminer chaque publication par une seule étape claire : ${c.goal.cta}`,
  },
  rationale: (platform, { brand, audience, goal, profile, copy }) => {
    const them = lower(audience);
    switch (platform) {
      case "linkedin":
        return profile.market === "b2b"
          ? `Les ${them} comparent les prestataires et suivent des experts sur LinkedIn ; ${brand} y gagne leur confiance avec de courtes publications d'expertise et des carrousels de documents qui mènent à ${goal.phrase}.`
          : `LinkedIn touche les actifs parmi les ${them} ; ${brand} peut s'en servir pour sa crédibilité, ses partenariats et ses recrutements plutôt que comme canal de vente principal.`;
      case "instagram":
        return `Les ${them} découvrent de nouvelles adresses et de nouveaux produits par les photos et les Reels avant de se décider ; Instagram permet à ${brand} de montrer ${lower(copy.moments[0])} et de transformer cet intérêt en ${goal.phrase}.`;
      case "tiktok":
        return `TikTok est l'endroit où les ${them} passent des heures chaque jour, et son fil montre les nouveaux comptes à des inconnus : de courtes vidéos sincères de ${brand} les touchent sans budget publicitaire.`;
      case "facebook":
        return profile.reach === "local"
          ? `Les ${them} utilisent les groupes et événements Facebook pour trouver des recommandations près de chez eux, ce qui en fait le lieu de ${brand} pour les événements, les avis et ${goal.phrase}.`
          : `Facebook touche toujours la plus grande diversité d'âges, dont les ${them} ; publications de communauté, événements et publicités ciblées apportent à ${brand} ${goal.phrase}.`;
      case "youtube":
        return `Les ${them} cherchent sur YouTube pour apprendre avant de s'engager ; des vidéos longues sur « ${lower(copy.tips[0])} » apportent des spectateurs à ${brand} pendant des mois.`;
      case "pinterest":
        return `Les ${them} rassemblent des idées sur Pinterest bien avant d'acheter ; les épingles qui renvoient vers le site de ${brand} continuent d'apporter des visites pendant des mois.`;
      case "google":
        return `Les gens du quartier cherchent sur Google Maps au moment où ils choisissent où aller ou qui appeler ; une fiche complète avec photos, horaires et avis répondus transforme ces recherches en ${goal.phrase} pour ${brand}.`;
      case "x":
        return `X est l'endroit où les ${them} suivent l'actualité et les débats en temps réel ; ${brand} peut y prendre part avec des avis rapides et se faire remarquer des journalistes.`;
    }
  },
  cadence: {
    linkedin: "3 publications par semaine, du mardi au jeudi entre 8 h et 10 h",
    instagram: "4 publications ou Reels par semaine et des Stories chaque jour, vers midi et entre 19 h et 21 h",
    tiktok: "1 vidéo courte par jour ouvré, publiée entre 18 h et 22 h",
    facebook: "3 publications par semaine en semaine vers 13-15 h, plus les événements au fil de l'eau",
    youtube: "1 vidéo longue toutes les deux semaines et 2 Shorts par semaine",
    pinterest: "5 à 10 épingles par semaine, programmées le soir et le week-end",
    google: "1 actualité avec photo chaque semaine et une réponse aux nouveaux avis dans la journée",
    x: "1 à 2 publications par jour ouvré le matin, plus les réponses",
  },
  scheduleClose: ({ brand }) => `Planifier deux semaines à l'avance, garder chaque semaine un créneau pour l'actualité et faire le point chaque vendredi sur ce qui a marché pour ${brand}.`,
  visual: (theme, scene) => `Photo pour la publication « ${theme} » : ${scene}. Lumière naturelle et vraies personnes plutôt que des mannequins ; format portrait 4:5 avec un espace calme en haut pour un titre.`,
};
