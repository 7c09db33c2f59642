/**
 * Word lists for the synthetic corpus. The Dari list is Dari (Afghan Persian)
 * vocabulary in Arabic script; "+" marks a zero-width non-joiner (U+200C) and
 * is replaced on load, so the source stays readable while the corpus carries
 * real ZWNJs (می‌شود, آن‌ها, سرمایه‌گذاری …) the way editors type them.
 */
const ZWNJ = '\u200c';
const words = (text: string): readonly string[] =>
  text
    .trim()
    .split(/\s+/)
    .map((w) => w.replaceAll('+', ZWNJ).replaceAll('_', ' '));

export interface WordList {
  readonly nouns: readonly string[];
  readonly plurals: readonly string[];
  readonly verbs: readonly string[];
  readonly glue: readonly string[];
  readonly adjectives: readonly string[];
  /** The digits numbers are written with (Eastern Arabic for Dari). */
  readonly digits: string;
  readonly comma: string;
  /** Opening and closing quotation marks as editors type them. */
  readonly quotes: readonly [string, string];
  readonly stops: readonly string[];
  readonly people: readonly string[];
  readonly outlets: readonly string[];
}

export const dari: WordList = {
  nouns: words(`
    افغانستان کابل هرات بلخ قندهار ننگرهار بدخشان مزار_شریف جلال‌آباد غزنی بامیان هلمند کندز
    ولایت ولسوالی شاروالی حکومت دولت مردم زنان دختران مکتب پوهنتون معارف اقتصاد تجارت ترانزیت
    سرحد همسایه منطقه آسیای_میانه پاکستان ایران ازبکستان تاجکستان ترکمنستان چین هند روسیه اروپا
    امریکا آب دریا بند برق انرژی گاز نفت معدن مس لیتیم زراعت دهقان گندم زعفران انار بازار قیمت
    دالر افغانی بانک پول بودجه کمک مهاجرین پناهجویان بازگشت امنیت صلح جنگ سیاست دیپلوماسی نشست
    موافقت+نامه قرارداد پروژه خط_آهن جاده شاهراه بندر کانال خشکسالی سیلاب زلزله صحت شفاخانه
    داکتر معلم شاگرد رسانه خبرنگار آزادی حقوق قانون عدالت محکمه پارلمان انتخابات تاریخ فرهنگ
    زبان شعر ادبیات جوانان کودکان خانواده روستا شهر پایتخت کوه هندوکش آمودریا وزارت وزیر سفیر
    کارشناس گزارش آمار سرمایه شرکت کارگر صادرات واردات گمرک ترانسپورت دهلیز ذخایر آینده گذشته
    سرمایه+گذاری بین+المللی هم+کاری گفت+وگو پیش+بینی بی+کاری بی+ثباتی دست+رسی تصمیم+گیری
    روزنامه+نگار آب+رسانی برق+رسانی وزارت+خانه کتاب+خانه زمین+لرزه بازسازی ناامنی پایه+گذاری
  `),
  plurals: words(`
    آن+ها این+ها برنامه+ها پروژه+ها خانه+ها سال+ها ماه+ها ده+ها ملیون+ها گروه+ها رسانه+ها
    دولت+ها شرکت+ها نشست+ها مهاجرت+ها کشورها ولایت+ها راه+ها سیاست+های چالش+ها فرصت+ها
  `),
  verbs: words(`
    است بود شد کرد دارد داشت گفت خواهد_بود باید_کرد می+شود می+کند می+گوید نمی+تواند می+خواهند
    می+رسد می+دهد نمی+شود رسیده_است گفته_است آغاز_شد ادامه_دارد اعلام_کرد امضا_کرد
  `),
  glue: words(`
    و در از به با برای که این آن را تا بر یک دو سه چند همه هر اما زیرا اگر پس پیش میان روی
    زیر بسیار بیشتر کمتر نیز هم به+ویژه به+گونهٔ همچنان هنوز اکنون
  `),
  adjectives: words(`
    نخستین تازه بزرگ کوچک مهم ملی منطقه+ای اقتصادی سیاسی اجتماعی فرهنگی تاریخی جدید دشوار
    روشن ممکن ضروری گسترده پایدار شکننده محلی جهانی دراز کوتاه
  `),
  digits: '۰۱۲۳۴۵۶۷۸۹',
  comma: '،',
  quotes: ['«', '»'],
  stops: ['.', '.', '.', '؛', '؟'],
  people: words(`
    فرید_احمدزی نادیه_رحیمی محمد_اکبر_نوری شکریه_حبیبی عبدالله_سادات زهرا_کریمی احمد_شاه_وردک
    مریم_هاشمی رحمت‌الله_ستانکزی فرشته_امیری نجیب_الله_پویا لیلا_حیدری سمیع_الله_کاکړ ثریا_نظری
    جاوید_فرهاد رقیه_سلطانی حمید_ناصری فاطمه_جلالی ولی_الله_شاهین پروین_یوسفی
  `),
  outlets: words(`
    هشت_صبح طلوع_نیوز بی‌بی‌سی_فارسی رادیو_آزادی پژواک افغانستان_آزاد_–_آزاد_افغانستان
  `),
};

export const english: WordList = {
  nouns: words(`
    Afghanistan Kabul Herat Balkh Kandahar Nangarhar Badakhshan Mazar-i-Sharif Jalalabad Ghazni
    province district municipality government state people women girls school university
    education economy trade transit border neighbour region Pakistan Iran Uzbekistan Tajikistan
    Turkmenistan China India Russia Europe water river dam power energy gas oil mine copper
    lithium farming farmer wheat saffron market price dollar bank budget aid refugees return
    security peace war policy diplomacy meeting agreement contract project railway road highway
    port canal drought flood earthquake health hospital doctor teacher student media journalist
    freedom rights law justice court parliament election history culture language poetry youth
    children family village city capital mountain Hindu_Kush Amu_Darya ministry minister
    ambassador analyst report statistics investment company worker exports imports customs
    corridor reserves future past cooperation dialogue forecast unemployment access
  `),
  plurals: words(`
    refugees years months dozens millions groups outlets states companies talks routes policies
    challenges opportunities provinces markets farmers donors
  `),
  verbs: words(`
    is was became made has had said will_be must_be becomes does says cannot want reaches gives
    began continues announced signed reported warned expects remains
  `),
  glue: words(`
    and in of to with for that this the a on by from as at into over under between among but
    because if after before while still now also even
  `),
  adjectives: words(`
    first new large small important national regional economic political social cultural
    historic difficult clear possible necessary broad durable fragile local global long short
  `),
  digits: '0123456789',
  comma: ',',
  quotes: ['"', '"'],
  stops: ['.', '.', '.', ';', '?'],
  people: words(`
    Fuad_Shahbazov Sarah_Whitfield Ahmad_Rashid_Noori Helena_Kovac James_Okafor Nadia_Rahimi
    Thomas_Lindqvist Ayesha_Siddiqa Michael_Kugelman Claire_Dubois Omar_Samad Ingrid_Hansen
    Daniel_Park Laila_Haidari Peter_Gross Mariam_Atash Joseph_Moreno Anna_Schmidt
  `),
  outlets: words(`
    The_Diplomat Foreign_Policy The_Guardian Al_Jazeera_English Eurasianet RFE/RL Dawn
    Afghanistan_Analysts_Network The_Conversation Le_Monde_diplomatique
  `),
};
