/**
 * Words that appear in the names of countless unrelated companies, so that sharing them says little about being
 * the same company: what the company does in general terms, and where it is. The graph's own statistics (IDF)
 * weigh every token; these are weighed down further because a small graph cannot know that "mobile" or
 * "construction" are common outside it. Legal forms (Co., Ltd., ...) are dropped before matching altogether
 * (normalize-name.ts).
 */
const GENERIC = `
technology technologies tech group holding holdings international china chinese national industry industries
industrial electronics electronic electric electrical communication communications telecommunication
telecommunications telecom mobile network networks digital information science sciences scientific system systems
engineering construction development investment investments capital bank banking trading trade import export
service services enterprise enterprises manufacturing equipment machinery material materials energy power new
shares share stock joint global asia asian pacific america americas american usa us europe european
research institute academy university center centre general products product solutions solution resources
management industrial commercial software data intelligent smart security media culture food medical health
logistics shipping transport transportation automation instruments precision semiconductor micro advanced
province city
hong kong macau macao taiwan shenzhen sz beijing shanghai hangzhou zhejiang guangdong guangzhou jiangsu nanjing
wuhan chengdu sichuan tianjin chongqing xian xi shandong fujian xiamen hubei hunan changsha anhui hefei liaoning
shenyang dalian harbin heilongjiang jilin shaanxi shanxi henan hebei yunnan guizhou guangxi inner mongolia suzhou
ningbo qingdao dongguan zhuhai foshan jiangxi hainan
`;

export const GENERIC_WORDS: ReadonlySet<string> = new Set(GENERIC.split(/\s+/).filter(Boolean));

/** How much of its graph weight a generic word keeps. */
export const GENERIC_WEIGHT = 0.2;
