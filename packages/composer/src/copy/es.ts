import type { LanguagePack } from "./types";
import { cap, lower } from "./text";

const families: LanguagePack["families"] = {
  nonprofit: {
    offer: "El trabajo que hacen posible nuestros donantes",
    customers: "donantes",
    moments: ["Un turno de voluntariado de principio a fin", "El momento en que la ayuda llega a una familia"],
    scenes: ["voluntarios con delantales iguales clasificando donaciones en mesas largas de un salón comunitario luminoso", "una voluntaria entregando material escolar a una niña en la puerta de un aula, las dos sonriendo, luz de tarde"],
    tips: ["Tres formas de ayudar en menos de una hora", "A dónde va una donación mensual"],
    pillars: ["Historias de las personas a las que llega la ayuda", "Voluntarios y donantes en primer plano", "Cuentas claras: lo que logra cada donación"],
  },
  water: {
    offer: "Rutas guiadas en el agua",
    customers: "participantes",
    moments: ["La primera salida del día", "El tramo tranquilo lejos de la carretera"],
    scenes: ["un guía empujando un kayak desde una orilla de piedras con dos participantes, bruma sobre el agua en calma", "tres palistas descansando sobre sus remos en una bahía tranquila rodeada de colinas verdes, vistos de espaldas"],
    tips: ["Qué ponerse para salir al agua, haga el tiempo que haga", "Cómo eligen los guías la ruta del día"],
    pillars: ["Rutas en el agua que merecen el madrugón", "Seguridad y técnica de remo con los guías", "Las primeras salidas de nuestros participantes"],
  },
  surf: {
    offer: "Clases de surf para todos los niveles",
    customers: "alumnos",
    moments: ["La primera ola en la que un principiante se pone de pie", "Leer el mar antes de la clase"],
    scenes: ["una principiante poniéndose de pie sobre una tabla blanda en la espuma, el monitor animando cerca, sol de media mañana", "un monitor y un grupo pequeño en la arena de la playa señalando las series, las tablas alineadas a su lado"],
    tips: ["Qué llevar a tu primera clase de surf", "Cómo elegir la tabla adecuada para tu nivel"],
    pillars: ["Clases y progresos sobre la tabla", "Seguridad en el mar y lectura de las olas", "La comunidad de la playa"],
  },
  mountain: {
    offer: "Jornadas guiadas en la montaña",
    customers: "senderistas",
    moments: ["La salida por el sendero al amanecer", "La vista desde la cima"],
    scenes: ["un guía al frente de un grupo pequeño subiendo por un sendero rocoso al amanecer, valles en sombra abajo", "senderistas descansando junto al hito de la cima sobre un mar de nubes, vistos de espaldas"],
    tips: ["Qué llevar en la mochila para un día entero de ruta", "Cómo eligen los guías la ruta según el tiempo"],
    pillars: ["Rutas que merecen la subida", "Seguridad y técnica de montaña con los guías", "Historias de senderistas en el camino"],
  },
  weddings: {
    offer: "Bodas contadas en imágenes",
    customers: "parejas",
    moments: ["Los últimos diez minutos antes de la ceremonia", "Retratos a la hora dorada lejos de los invitados"],
    scenes: ["las manos de la novia ajustando el prendido del novio junto a una ventana, luz suave", "una pareja caminando de la mano por un campo de lavanda a la hora dorada, fotografiada a distancia"],
    tips: ["Cómo planificar el horario del día para tener tiempo de retratos", "Qué preguntar a un fotógrafo de bodas antes de reservar"],
    pillars: ["Bodas reales, de principio a fin", "Consejos para parejas que se casan", "Detrás de la cámara el gran día"],
  },
  pets: {
    offer: "Mejores días para perros y sus dueños",
    customers: "dueños de perros",
    moments: ["El día de la entrega con un perro muy curioso", "La prueba del cuenco: primera comida de una receta nueva"],
    scenes: ["un golden retriever olfateando una caja abierta en el suelo de la cocina, su dueña riendo al fondo", "un terrier pequeño comiendo de un cuenco de cerámica, fotografiado a la altura del perro con luz de mañana"],
    tips: ["Cómo cambiar la comida de un perro sin molestias", "Cuánto darle de comer según tamaño y actividad"],
    pillars: ["Alimentación sana y sencilla", "Los perros de nuestros clientes como protagonistas", "Qué lleva cada receta"],
  },
  property: {
    offer: "Viviendas en venta y alquiler en la zona",
    customers: "compradores",
    moments: ["La primera visita a una vivienda nueva en cartera", "La entrega de llaves"],
    scenes: ["un agente abriendo la puerta de una casa luminosa a una pareja joven, luz de mañana en el recibidor", "una familia sosteniendo las llaves delante de su nueva casa, espontánea y feliz"],
    tips: ["Qué revisar en una visita si compras por primera vez", "Cómo se calcula una tasación"],
    pillars: ["Viviendas nuevas con su historia", "Consejos para comprar y vender", "El barrio, calle a calle"],
  },
  trades: {
    offer: "Reparaciones rápidas y limpias en casa",
    customers: "propietarios",
    moments: ["Una fuga arreglada antes del desayuno", "El antes y el después de una reforma de baño"],
    scenes: ["un fontanero con uniforme de la empresa arreglando una tubería bajo el fregadero, herramientas ordenadas sobre una toalla", "una imagen dividida de una caldera vieja y oxidada y la instalación nueva y limpia que la sustituyó"],
    tips: ["Qué hacer en los primeros cinco minutos si revienta una tubería", "Tres señales de que la caldera necesita revisión"],
    pillars: ["Arreglos sencillos que puedes hacer con seguridad", "Trabajos de la semana, antes y después", "Por qué los clientes vuelven a llamarnos"],
  },
  legal: {
    offer: "Asesoramiento jurídico claro",
    customers: "clientes",
    moments: ["Una primera consulta, paso a paso", "El día en que se resuelve un caso"],
    scenes: ["una abogada y un cliente revisando documentos en una mesa de madera en un despacho tranquilo y luminoso, vistos por encima del hombro del cliente", "un trabajador saliendo de un juzgado una mañana soleada, aliviado, fotografiado a una distancia respetuosa"],
    tips: ["Qué documentos llevar a la primera reunión", "El malentendido más frecuente sobre tus derechos laborales"],
    pillars: ["Tus derechos en lenguaje claro", "Cómo funciona el proceso, paso a paso", "El equipo detrás de cada caso"],
  },
  health: {
    offer: "Una atención fácil de reservar",
    customers: "pacientes",
    moments: ["Una primera cita vista por el paciente", "Qué pasa durante una revisión"],
    scenes: ["una profesional sanitaria explicando un modelo a un paciente relajado en una consulta luminosa con plantas", "una recepcionista recibiendo a una madre y su hijo en un mostrador moderno y tranquilo"],
    tips: ["Cómo prepararse para una primera cita", "Pequeños hábitos diarios que cuidan tu salud"],
    pillars: ["Prevención y cuidado diario", "Conoce al equipo sanitario", "Qué esperar en cada visita"],
  },
  finance: {
    offer: "El dinero, explicado con claridad",
    customers: "usuarios",
    moments: ["Un primer plan de ahorro, de la pregunta al plan", "Fin de mes con las cuentas en orden"],
    scenes: ["una joven en un sofá mirando en el móvil un gráfico sencillo de su ahorro que crece, luz natural", "una mesa ordenada con un portátil que muestra un panel claro de gastos junto a una libreta"],
    tips: ["Tres preguntas antes de cualquier decisión de dinero", "Cómo empezar a ahorrar con poco cada mes"],
    pillars: ["El dinero explicado en lenguaje claro", "Ahorro e inversión, paso a paso", "Confianza: quiénes somos y cómo trabajamos"],
  },
  music: {
    offer: "Música nueva y conciertos",
    customers: "fans",
    moments: ["Escribir una canción desde el primer verso", "La prueba de sonido antes del concierto"],
    scenes: ["una cantautora con guitarra acústica escribiendo letras en una libreta sobre la cama, luz cálida de lámpara", "un escenario pequeño visto desde el fondo de la sala vacía durante la prueba de sonido, luces de colores"],
    tips: ["La historia detrás de la letra de la nueva canción", "Cómo se elige el repertorio de la gira"],
    pillars: ["Cómo se hace la música", "La vida en gira", "Los fans y sus versiones"],
  },
  creator: {
    offer: "Episodios nuevos cada semana",
    customers: "seguidores",
    moments: ["La grabación de un episodio nuevo", "Día de edición: de una hora a diez minutos"],
    scenes: ["un creador en su escritorio con micrófono y aro de luz, a mitad de frase, en un estudio casero acogedor", "una pantalla de portátil con la línea de tiempo de un vídeo en edición y notas sobre la mesa, luz de ventana"],
    tips: ["La pregunta que más nos hacen, respondida en un minuto", "Cómo se planifica un episodio, de la idea a la publicación"],
    pillars: ["Los episodios y lo que enseñan", "Detrás del canal", "Las preguntas e ideas de la comunidad"],
  },
  beauty: {
    offer: "Maquillaje y cuidado de la piel que funcionan",
    customers: "clientas",
    moments: ["Un look diario en cinco minutos", "Probar un producto nuevo en piel real"],
    scenes: ["primer plano de una joven aplicándose un bálsamo con color frente al espejo del baño, luz natural, sin retoques", "un bodegón de frascos de cuidado de la piel sobre lino claro, sombras suaves"],
    tips: ["Cómo crear una rutina para tu tipo de piel", "Qué producto va primero y por qué importa el orden"],
    pillars: ["Looks y rutinas para copiar", "Ingredientes explicados con sencillez", "Piel real, clientas reales"],
  },
  fashion: {
    offer: "Ropa hecha para durar",
    customers: "clientas",
    moments: ["Una prenda combinada de tres maneras", "Del tejido a la prenda terminada"],
    scenes: ["una joven con una camisa de lino amplia caminando por una calle de la ciudad, luz natural", "manos cortando algodón orgánico sobre la mesa del taller, patrones colgados en la pared"],
    tips: ["Cómo cuidar los tejidos naturales para que duren", "Cómo montar un armario pequeño que sirva cada día"],
    pillars: ["Ideas de estilo y conjuntos", "Materiales y cómo se fabrican", "Clientas que visten la colección"],
  },
  fitness: {
    offer: "Entrenamientos que caben en la semana",
    customers: "socios",
    moments: ["La clase de las siete a pleno rendimiento", "La primera marca personal de un socio"],
    scenes: ["un entrenamiento en grupo en un gimnasio industrial, magnesio en el aire, el entrenador contando", "un socio celebrando su marca personal en el remo mientras el entrenador choca su mano"],
    tips: ["Un entrenamiento de quince minutos para días llenos", "Cómo volver a entrenar tras una larga pausa"],
    pillars: ["Consejos de entrenamiento de los coaches", "Progresos de los socios", "La comunidad de las clases"],
  },
  hospitality: {
    offer: "Estancias para recordar",
    customers: "huéspedes",
    moments: ["Preparar una habitación para la llegada", "El desayuno en la terraza"],
    scenes: ["una camarera de pisos dejando una tarjeta de bienvenida escrita a mano sobre una cama recién hecha, sol de mañana entre las contraventanas", "una pareja desayunando en una terraza soleada con naranjos, vista desde la puerta"],
    tips: ["Un día perfecto en el barrio, según nuestro equipo", "Cuándo reservar para conseguir el mejor precio"],
    pillars: ["La estancia, detalle a detalle", "La ciudad vista por los de aquí", "Los huéspedes y sus historias"],
  },
  food: {
    offer: "Platos hechos en casa cada día",
    customers: "clientes habituales",
    moments: ["La preparación de la mañana antes de abrir", "El plato que todos piden"],
    scenes: ["un cocinero cortando verduras frescas en una encimera de acero en una cocina abierta, vapor y luz de mañana", "el plato estrella servido en una mesa de madera rústica, manos que se acercan a compartir, luz cálida de tarde"],
    tips: ["La historia detrás del menú de esta semana", "Una receta sencilla de nuestra cocina para hacer en casa"],
    pillars: ["Platos y menús de temporada", "Desde la cocina: personas e ingredientes", "Los clientes habituales y el barrio"],
  },
  bakery: {
    offer: "Pan y tartas horneados cada mañana",
    customers: "clientes habituales",
    moments: ["El obrador a las cuatro de la mañana", "La hogaza que todos piden"],
    scenes: ["un panadero formando hogazas sobre una mesa de madera enharinada antes del amanecer, vapor del horno", "una tarta de celebración en una mesa rústica, manos que cogen porciones, luz cálida de tarde"],
    tips: ["La historia de la hornada de esta semana", "Cómo conservar el pan tierno varios días"],
    pillars: ["Panes, tartas y dulces de temporada", "Desde el obrador: personas y harina", "Los clientes habituales y el barrio"],
  },
  cafe: {
    offer: "Café que merece el desvío",
    customers: "clientes habituales",
    moments: ["El primer espresso de la hora punta", "Un café de origen nuevo en la barra"],
    scenes: ["una barista haciendo latte art en una taza de cerámica sobre una barra de madera, luz de mañana", "estudiantes con portátiles y cafés en una mesa larga compartida, ambiente relajado"],
    tips: ["Cómo ajusta nuestra barista el espresso cada mañana", "Qué café pedir si sueles tomarlo con leche"],
    pillars: ["Café preparado con cuidado", "Las personas detrás de la barra", "Un lugar para trabajar, quedar y quedarse"],
  },
  bar: {
    offer: "Vinos para descubrir por copas",
    customers: "clientes",
    moments: ["Abrir una botella nueva para la carta de la noche", "Una noche de cata en la barra"],
    scenes: ["una sumiller sirviendo una copa de tinto a dos amigas en una barra de zinc, luz cálida de noche", "una mesa larga preparada para una cata con copas, tapas y etiquetas escritas a mano"],
    tips: ["Cómo elegir un vino que te guste", "Qué maridar con las tapas de esta semana"],
    pillars: ["Vinos y quienes los hacen", "Noches en la barra", "Catas y pequeños eventos"],
  },
  drinks: {
    offer: "Bebidas con un sabor propio",
    customers: "fans",
    moments: ["Probar el sabor nuevo por primera vez", "Una lata en el escritorio a las dos de la mañana"],
    scenes: ["amigos reaccionando al probar un sabor nuevo directamente de la lata, luz de neón", "un escritorio gamer de noche con teclado iluminado y una lata fría"],
    tips: ["Qué sabor va con cada momento", "Cómo se desarrolló el sabor nuevo"],
    pillars: ["Sabores y lanzamientos", "Los fans y sus momentos", "Cultura: juegos, música y eventos"],
  },
  retail: {
    offer: "Productos que da gusto usar",
    customers: "clientes",
    moments: ["Una novedad recién desempaquetada", "Un producto en el uso diario"],
    scenes: ["manos abriendo un paquete de papel kraft sobre una mesa luminosa, el producto envuelto en papel de seda", "el producto en uso en casa o en la calle, luz natural, un momento espontáneo"],
    tips: ["Cómo elegir el modelo adecuado para ti", "Tres usos que nuestros clientes descubrieron"],
    pillars: ["Productos en la vida real", "Elegir bien: guías y comparativas", "Fotos y opiniones de clientes"],
  },
  home: {
    offer: "Casas que se sienten propias",
    customers: "propietarios",
    moments: ["Un espacio transformado en un fin de semana", "Elegir materiales para un espacio nuevo"],
    scenes: ["un salón luminoso tras la reforma, cojines de lino y una manta de lana sobre el sofá, luz de tarde", "manos colocando muestras de tela y madera sobre una mesa grande junto a un plano"],
    tips: ["Cómo elegir colores que combinen", "Tres cambios pequeños que hacen un espacio más amplio"],
    pillars: ["Ideas de diseño para casas reales", "Materiales y oficio", "Proyectos terminados y sus dueños"],
  },
  education: {
    offer: "Clases que hacen que aprender funcione",
    customers: "alumnos",
    moments: ["Una idea explicada en un minuto", "El primer logro de un alumno"],
    scenes: ["una profesora dibujando un esquema sencillo en la pizarra mientras dos alumnos toman notas", "un alumno sonriendo frente al portátil tras terminar una clase, con la libreta llena de apuntes"],
    tips: ["Una rutina de práctica diaria de cinco minutos", "El error que cometen casi todos los principiantes"],
    pillars: ["Lecciones rápidas para usar hoy", "Historias de alumnos", "Cómo funciona el curso"],
  },
  professional: {
    offer: "Asesoramiento experto para equipos que crecen",
    customers: "clientes",
    moments: ["Un taller con un cliente en marcha", "El momento en que un proyecto da resultados"],
    scenes: ["consultores y el equipo de un cliente alrededor de una pizarra llena de notas adhesivas, una persona presentando", "dos personas dándose la mano sobre una mesa de reuniones con un informe impreso entre ellas"],
    tips: ["Cinco preguntas antes de contratar a un asesor", "Los primeros 30 días de un proyecto nuevo"],
    pillars: ["Puntos de vista expertos", "Resultados de clientes", "Cómo trabajamos"],
  },
  software: {
    offer: "Software que ahorra horas a los equipos",
    customers: "clientes",
    moments: ["Una demostración del producto en 60 segundos", "El flujo de trabajo de un cliente, antes y después"],
    scenes: ["una responsable de producto mostrando un panel limpio en una pantalla grande a tres colegas, oficina luminosa", "una imagen dividida de una hoja de cálculo caótica y los mismos datos en un panel automático ordenado"],
    tips: ["La función por la que más preguntan los clientes", "El error de los equipos al cambiar de herramienta"],
    pillars: ["Formación sobre el producto", "Resultados de clientes en cifras", "Visión del sector desde el equipo"],
  },
  general: {
    offer: "Lo que hacemos y por qué",
    customers: "clientes",
    moments: ["Un día normal entre bastidores", "Un cliente usando lo que hacemos"],
    scenes: ["el equipo trabajando en su espacio de cada día, espontáneo y cercano, luz de día", "un cliente usando el producto en un entorno natural con luz suave"],
    tips: ["La pregunta que más oímos, respondida", "Un consejo rápido para usar hoy"],
    pillars: ["Lo que hacemos y cómo", "Historias de clientes", "Las personas detrás de la marca"],
  },
};


export const es: LanguagePack = {
  families,
  goals: {
    donations: { phrase: "donaciones periódicas y nuevos voluntarios", cta: "donar o apuntarse como voluntario" },
    downloads: { phrase: "más descargas de la app", cta: "descargar la app" },
    bookings: { phrase: "más reservas", cta: "reservar fecha" },
    leads: { phrase: "consultas de calidad", cta: "pedir una primera conversación" },
    visits: { phrase: "más visitas en los días flojos", cta: "pasarse esta semana" },
    sales: { phrase: "más ventas", cta: "comprar en la web" },
    community: { phrase: "una comunidad fiel", cta: "seguir la cuenta" },
    awareness: { phrase: "más notoriedad", cta: "seguir y compartir" },
  },
  themes: ({ brand, copy, industry, goal }) => [
    { text: `Entre bastidores en ${brand}: ${lower(copy.moments[0])}`, scene: 0 },
    { text: `${cap(industry)} a la manera de ${brand}: tres detalles que marcan la diferencia` },
    { text: `${copy.tips[0]}: un vídeo de 30 segundos` },
    { text: `${copy.moments[1]}: una serie de fotos de una semana real`, scene: 1 },
    { text: `${copy.tips[1]}: un carrusel para guardar` },
    { text: `Las cinco preguntas más frecuentes de nuestros ${copy.customers}, respondidas por el equipo de ${brand}` },
    { text: `Historia de un cliente: por qué vuelve una y otra vez a ${brand}` },
    { text: `La invitación del mes a ${goal.cta}, con un buen motivo para hacerlo ahora` },
  ],
  pillars: ({ copy, goal }) => [`Motivos para ${goal.cta}, mostrados y no contados`, `Nuestros ${copy.customers}, con sus propias palabras`],
  tactics: {
    regulated: () => "Revisar cada publicación según las normas de publicidad de la profesión antes de publicarla: sin prometer resultados y dejando claro cuándo hace falta asesoramiento personal",
    reviews: (c) => `Pedir una reseña en Google a los ${c.copy.customers} satisfechos justo después de su visita y responder a cada reseña en menos de un día`,
    b2b: (c) => `Que dos personas de ${c.brand} compartan cada semana en LinkedIn una lección de su trabajo con clientes, con sus propias palabras`,
    trend: (c) => `Sumarse cada semana a una tendencia que encaje, con un toque de ${c.brand}, en los dos días siguientes a su inicio`,
    donations: () => "Agradecer por su nombre (con su permiso) a cada nuevo donante o voluntario y mostrar lo que su ayuda ha hecho posible",
    reply: (c) => `Responder a cada comentario en ${c.platforms[0]!.name} en la primera hora y convertir la mejor pregunta en la publicación de la semana siguiente`,
    poll: (c) => `Preguntar una vez al mes con una encuesta qué tema debería tratar ${c.brand} a continuación y publicar el resultado`,
    photos: (c) => `Invitar a los ${c.copy.customers} a compartir sus fotos con un hashtag de ${c.brand} y republicar una por semana con su permiso`,
    live: (c) => `Organizar cada mes una sesión de preguntas en directo con el equipo de ${c.brand}`,
    nextStep: (c) => `Terminar cada publicación con un único paso claro: ${c.goal.cta}`,
  },
  rationale: (platform, { brand, audience, goal, profile, copy }) => {
    const who = cap(audience);
    const them = lower(audience);
    switch (platform) {
      case "linkedin":
        return profile.market === "b2b"
          ? `${who} comparan proveedores y siguen a expertos en LinkedIn; allí ${brand} se gana su confianza con publicaciones breves de experto y carruseles de documentos que llevan a ${goal.phrase}.`
          : `LinkedIn llega a los profesionales entre ${them}; ${brand} puede usarlo para ganar credibilidad, alianzas y talento más que como canal principal de ventas.`;
      case "instagram":
        return `${who} descubren sitios y productos nuevos a través de fotos y Reels antes de decidirse; Instagram permite a ${brand} mostrar ${lower(copy.moments[0])} y convertir ese interés en ${goal.phrase}.`;
      case "tiktok":
        return `TikTok es donde ${them} pasan horas cada día, y su algoritmo enseña cuentas nuevas a desconocidos, así que vídeos cortos y sinceros de ${brand} pueden llegar a ellos sin presupuesto de anuncios.`;
      case "facebook":
        return profile.reach === "local"
          ? `${who} usan los grupos y eventos de Facebook para encontrar recomendaciones cerca de casa, lo que lo convierte en el sitio de ${brand} para eventos, reseñas y ${goal.phrase}.`
          : `Facebook sigue llegando a la mayor variedad de edades, también a ${them}; publicaciones de comunidad, eventos y anuncios segmentados traen a ${brand} ${goal.phrase}.`;
      case "youtube":
        return `${who} buscan en YouTube para aprender antes de decidir; los vídeos largos sobre ${lower(copy.tips[0])} siguen atrayendo espectadores a ${brand} durante meses.`;
      case "pinterest":
        return `${who} guardan ideas en Pinterest mucho antes de comprar; los pines que enlazan a la web de ${brand} siguen enviando visitas durante meses.`;
      case "google":
        return `La gente de la zona busca en Google Maps justo cuando decide adónde ir o a quién llamar; un perfil completo con fotos, horarios y reseñas respondidas convierte esas búsquedas en ${goal.phrase} para ${brand}.`;
      case "x":
        return `X es donde ${them} siguen la actualidad y el debate en tiempo real, así que ${brand} puede entrar en esas conversaciones con opiniones rápidas y hacerse ver por periodistas.`;
    }
  },
  cadence: {
    linkedin: "3 publicaciones a la semana, de martes a jueves entre las 8 y las 10",
    instagram: "4 publicaciones o Reels a la semana y Stories a diario, hacia el mediodía y entre las 20 y las 22",
    tiktok: "1 vídeo corto al día entre semana, publicado entre las 18 y las 22",
    facebook: "3 publicaciones a la semana entre semana hacia las 13-15 h, más los eventos que surjan",
    youtube: "1 vídeo largo cada dos semanas y 2 Shorts a la semana",
    pinterest: "5-10 pines a la semana, programados por la tarde y el fin de semana",
    google: "1 novedad con foto cada semana y respuesta a las reseñas nuevas en menos de un día",
    x: "1-2 publicaciones al día entre semana por la mañana, más respuestas",
  },
  scheduleClose: ({ brand }) => `Planificar con dos semanas de antelación, dejar un hueco semanal para la actualidad y revisar cada viernes qué ha funcionado para ${brand}.`,
  visual: (theme, scene) => `Foto para la publicación «${theme}»: ${scene}. Luz natural y personas reales en lugar de modelos; formato vertical 4:5 con espacio libre arriba para un titular.`,
};
