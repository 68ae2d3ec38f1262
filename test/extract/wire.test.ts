import { describe, expect, it } from 'vitest';
import { edges, extractText } from './helpers.js';

// One-sentence wire copy about many countries, written for this test: what the extractor must get
// right far from the Syrian seeds. Each line: sentence, then the edges it must yield.
const CASES: [string, string[]][] = [
  ["Venezuela expelled Colombia's ambassador on Tuesday.", ['opposes venezuela colombia']],
  ['Russian President Vladimir Putin held talks with Chinese President Xi Jinping in Beijing.', ['met-with china russia']],
  ['Ethiopian troops clashed with Eritrean forces along the border.', ['fights eritrea ethiopia']],
  ['Japan and South Korea signed a military intelligence-sharing agreement.', ['negotiates-with japan south-korea']],
  ["The United States condemned North Korea's latest missile test.", ['opposes united-states north-korea']],
  ['Saudi Arabia and Iran agreed to restore diplomatic relations in a deal brokered by China.', ['negotiates-with iran saudi-arabia', 'mediated-by saudi-arabia china', 'mediated-by iran china']],
  ['Pakistan accused Afghanistan of harbouring militants.', ['opposes pakistan afghanistan']],
  ["India's prime minister visited Bangladesh on Friday.", ['met-with bangladesh india']],
  ["Egypt's foreign minister met his Sudanese counterpart in Cairo.", ['met-with egypt sudan']],
  ['The European Union imposed new sanctions on Belarus.', ['opposes european-union belarus']],
  ['Israeli air strikes hit Hamas targets in Gaza.', ['fights hamas israel']],
  ['Qatar mediated talks between the Taliban and the United States.', ['mediated-by taliban qatar', 'mediated-by united-states qatar', 'met-with taliban united-states']],
  ['Morocco called on Algeria to reopen the border.', ['opposes morocco algeria']],
  ["Nigeria's army said it killed dozens of Boko Haram fighters.", ['fights boko-haram nigeria']],
  ['Armenia accused Azerbaijan of shelling villages.', ['opposes armenia azerbaijan']],
  ['Thai and Cambodian troops exchanged fire near a disputed temple.', ['fights cambodia thailand']],
  ['China warned the Philippines over its actions in the South China Sea.', ['opposes china philippines']],
  ['Iran-backed militias attacked US forces in Iraq.', ['fights pro-government-militias united-states', 'supports iran pro-government-militias']],
  ["Ukraine's President Volodymyr Zelensky thanked Poland for its military aid.", ['supports poland ukraine']],
  ['Iran, another key backer of President Bashar Assad, condemned what it called Turkish interference.', ['supports iran syria', 'opposes iran turkey']],
  ['Washington said it supports the U.N.-led political process.', ['supports united-states united-nations']],
  ['The strikes prompted Turkey to launch a drone offensive against Syrian troops.', ['fights syria turkey']],
  ['Erdogan said he had spoken by phone with Vladimir Putin.', ['met-with russia turkey']],
  ["Sudan's army clashed with the paramilitary Rapid Support Forces in Khartoum.", ['fights rapid-support-forces sudan']],
  ['Washington pledged $2 billion in military aid to Ukraine.', ['supports united-states ukraine']],
  ['Algeria cut diplomatic ties with Morocco.', ['opposes algeria morocco']],
  ['The Houthis claimed responsibility for a drone attack on Saudi Arabia.', ['fights houthis saudi-arabia']],
  ['The African Union suspended Niger after the coup.', ['opposes african-union niger']],
  ['Russia and Belarus held joint military exercises.', ['allies-with belarus russia']],
  ['The Islamic State group claimed an attack on Iraqi security forces.', ['fights iraq islamic-state']],
  ['India and China clashed in the Galwan Valley.', ['fights china india']],
  ['South Korea and Japan held their first summit in 12 years.', ['met-with japan south-korea']],
  ['The United States designated the Houthis as a terrorist organisation.', ['opposes united-states houthis']],
  // past an appositive that names another actor
  ['Poland, a staunch ally of Kyiv, has sent tanks to Ukraine.', ['supports poland ukraine']],
  // a relative clause between the subject and the verb, with a negation of its own
  ['The M23, which is not a party to the Washington agreement, is holding separate talks with Kinshasa in Doha.', ['met-with democratic-republic-of-the-congo m23']],
  // a headline capitalises the agent word after its colon
  ['Sudan war: Army and RSF agree to talks in Jeddah', ['negotiates-with rapid-support-forces sudan']],
  ['Japan lodged a protest with China over the incursion.', ['opposes japan china']],
  // a transfer's object after a compound noun; "supply X with"
  ['North Korea has supplied artillery shells to Russia, according to South Korean intelligence.', ['supports north-korea russia']],
  ['Germany agreed to supply Ukraine with Leopard tanks.', ['supports germany ukraine']],
  // a compass word before the country
  ['Hezbollah fired rockets at northern Israel.', ['fights hezbollah israel']],
  ['Washington slapped fresh sanctions on Iranian oil exports.', ['opposes united-states iran']],
  // a sector word after its noun phrase is an adjective there, not the country's army
  ['The United States and the Philippines began their annual military exercises.', ['allies-with philippines united-states']],
  // mediation named by a noun, its holder before it or after "of"
  ['Ethiopia and Somalia agreed to resume technical talks under Turkish mediation.', ['mediated-by ethiopia turkey', 'mediated-by somalia turkey', 'negotiates-with ethiopia somalia']],
  ['Armenia and Azerbaijan held talks under the auspices of the European Union.', ['mediated-by armenia european-union', 'mediated-by azerbaijan european-union', 'met-with armenia azerbaijan']],
  ['Israel and Hamas agreed to a truce through Egyptian mediation.', ['mediated-by hamas egypt', 'mediated-by israel egypt', 'negotiates-with hamas israel']],
  ['Kenya restored ties with Somalia with the mediation of Qatar.', ['mediated-by kenya qatar', 'mediated-by somalia qatar']],
  ['Russia and Ukraine swapped prisoners in a deal mediated by the United Arab Emirates.', ['negotiates-with russia ukraine', 'mediated-by russia united-arab-emirates']],
  ['Kyiv was hit by a barrage of Russian missiles overnight.', ['fights russia ukraine']],
  // an office word between a name and its agents
  ['EU foreign ministers agreed to send more ammunition to Ukraine.', ['supports european-union ukraine']],
  ['Qatar and Egypt, which have mediated between Israel and Hamas, said talks would resume next week.', ['mediated-by hamas egypt', 'mediated-by israel qatar']],
  // a journey made for talks
  ['US Secretary of State Antony Blinken arrived in Riyadh for talks with Saudi officials.', ['met-with saudi-arabia united-states']],
  ["Turkey's parliament approved Sweden's bid to join NATO.", ['supports turkey sweden']],
  ["Niger's military junta ordered French troops to leave the country.", ['opposes niger france']],
  ['The Kremlin said Putin and Erdogan discussed the situation in Syria by phone.', ['met-with russia turkey']],
  // a participle phrase of allegiance describes the noun before it
  ['Turkish troops and Syrian rebels allied with Ankara attacked Kurdish fighters in Afrin.', ['fights kurdish-groups syrian-rebels', 'fights kurdish-groups turkey']],
  // a capture "from" its holder, past a facility
  ["The Arakan Army seized a key military base from Myanmar's junta.", ['fights arakan-army myanmar']],
  ['The International Criminal Court issued an arrest warrant for Vladimir Putin.', ['opposes international-criminal-court russia']],
  ["Hungary's Viktor Orban met Vladimir Putin in Moscow, drawing criticism from EU leaders.", ['met-with hungary russia', 'opposes european-union hungary']],
  ['Israel and the United Arab Emirates signed the Abraham Accords at the White House.', ['negotiates-with israel united-arab-emirates']],
  ['Saudi Arabia restored diplomatic ties with Iran.', ['negotiates-with iran saudi-arabia']],
  ['Algeria recalled its ambassador to France.', ['opposes algeria france']],
  // both ways
  ['Moscow and Kyiv accused each other of violating the Easter truce.', ['opposes russia ukraine', 'opposes ukraine russia']],
  ['Beijing and Manila traded accusations after the collision.', ['opposes china philippines', 'opposes philippines china']],
  ['Iraqi Prime Minister Mohammed Shia al-Sudani received a phone call from US President Joe Biden.', ['met-with iraq united-states']],
  ['Canada suspended arms exports to Israel.', ['opposes canada israel']],
  // what a subject receives from X, X gives it
  ['Ukraine received its first F-16 fighter jets from Denmark and the Netherlands.', ['supports denmark ukraine', 'supports netherlands ukraine']],
  ['Colombian President Gustavo Petro suspended peace talks with the ELN after a deadly attack.', ['opposes colombia eln']],
  // an act's holder after "by" and its target after "on", in either order
  ['The White House condemned the attack by Iranian-backed militias on US troops in Syria.', ['fights pro-government-militias united-states', 'opposes united-states pro-government-militias']],
  ['Washington blamed an attack on US troops by Iranian-backed militias for the deaths.', ['fights pro-government-militias united-states']],
  // reported speech's "would" for "will"
  ['Downing Street said Britain would continue to support Ukraine.', ['supports united-kingdom ukraine']],
  ['The Jewish state has carried out hundreds of strikes on Iranian targets in Syria.', ['fights iran israel']],
  // a demonym that is also one of the adjectives before an agent noun
  ["Kyiv's Western backers have pledged more air defence systems.", ['supports western-countries ukraine']],
  ['Riyadh and Tehran restored relations in 2023 after seven years.', ['negotiates-with iran saudi-arabia']],
  // a possessive pronoun that refers back to the subject holds the noun; continuing presupposes the act
  ['Israeli Defence Minister Yoav Gallant said Israel would continue its campaign against Hezbollah.', ['fights hezbollah israel']],
  ['The Sudanese army and the RSF have been at war since April 2023.', ['fights rapid-support-forces sudan']],
  // killed in a strike: the strike's holder fought the victim
  ['Hezbollah leader Hassan Nasrallah was killed in an Israeli air strike in Beirut.', ['fights hezbollah israel']],
  ['India signed a memorandum of understanding with Sri Lanka on defence cooperation.', ['negotiates-with india sri-lanka']],
  ['Russia inked a deal with Iran to build nuclear reactors.', ['negotiates-with iran russia']],
  ['Pakistan lodged a strong protest with Afghanistan over cross-border attacks.', ['opposes pakistan afghanistan']],
  ['Seoul and Tokyo have deepened security cooperation with Washington.', ['allies-with japan united-states', 'allies-with south-korea united-states']],
  // a headline's present tense
  ['Iran and Saudi Arabia restore ties in China-brokered deal', ['negotiates-with iran saudi-arabia']],
  // with no state named, a group's home country is what "the army" belongs to
  ['RSF commander Abdelrahim Dagalo accused the army of bombing civilians.', ['opposes rapid-support-forces sudan']],
  // a title "of" a country serves it
  ['The Indian prime minister held talks with Deputy Prime Minister and Foreign Minister of Nepal Narayan Kaji Shrestha.', ['met-with india nepal']],
  // what is fired at a country is aimed at it, whatever the munition
  ['The Houthis fired a ballistic missile at Saudi Arabia on Monday.', ['fights houthis saudi-arabia']],
  ['Ukraine launched a drone into Russia overnight.', ['fights russia ukraine']],
  // the act condemned names its author after "by", past the one it befell
  ['North Korea condemned joint military drills by the United States and South Korea.', ['opposes north-korea south-korea', 'opposes north-korea united-states']],
  ['Iran denounced the killing of its general by the United States.', ['opposes iran united-states']],
  ['The European Union froze the assets of several Russian banks.', ['opposes european-union russia']],
  ['Washington and Seoul agreed to expand joint military drills in response to North Korean threats.', ['allies-with south-korea united-states']],
  // whoever fired what is shot down is fought
  ['Saudi Arabia intercepted a drone launched by the Houthis towards Riyadh.', ['fights houthis saudi-arabia']],
  // a state's opposition, named with a possessive as with a demonym
  ["Venezuela's opposition rejected the election results announced by the government.", ['opposes venezuela-opposition venezuela']],
  // a joint subject reaffirming or upgrading its ties holds what they are
  ['France and Germany reaffirmed their alliance at a summit in Paris.', ['allies-with france germany']],
  ['Vietnam and the United States upgraded their relations to a comprehensive strategic partnership.', ['allies-with united-states vietnam']],
  // a passive in a relative clause is said of the relative's head
  ['Hamas, which is backed by Iran, fired rockets at Israel.', ['supports iran hamas', 'fights hamas israel']],
  ['The Houthis, who are supported by Iran, attacked a ship in the Red Sea.', ['supports iran houthis']],
  // a deal's makers named after "by" are its parties
  ["Ghana's foreign minister welcomed the ceasefire agreed by Israel and Hezbollah.", ['negotiates-with hezbollah israel', 'supports ghana israel', 'supports ghana hezbollah']],
  // a treaty ally is an ally
  ['The United States, a treaty ally of Manila, condemned the move.', ['allies-with philippines united-states']],
  // providing arms is support
  ['Moscow has provided Damascus with fighter jets and air defence systems.', ['supports russia syria']],
  // a round of talks held jointly is talks held
  ['India and China held a new round of border talks.', ['met-with china india']],
  // forcing a force out of a place fights it
  ['Ukrainian troops pushed Russian forces out of the village.', ['fights russia ukraine']],
  ['Kurdish fighters forced Islamic State militants out of Kobani.', ['fights islamic-state kurdish-groups']],
  // dismissing a proposal rejects its author; a backer ranked by size is still a backer
  ['The Kremlin dismissed the Turkish proposal.', ['opposes russia turkey']],
  ["Germany is Ukraine's second-largest military backer.", ['supports germany ukraine']],
  // an infinitive's refusal is not the mood of the participle that goes with the clause's verb
  ['Hezbollah has refused to disarm, defying the Lebanese government.', ['opposes hezbollah lebanon']],
  // arms sold or shipped are support; a plural name's bare apostrophe is a possessive
  ["Tehran's arms shipments to the Houthis were intercepted.", ['supports iran houthis']],
  ["China condemned the United States' arms sales to Taiwan.", ['opposes china united-states', 'supports united-states taiwan']],
  ["The Philippines' alliance with Washington is decades old.", ['allies-with philippines united-states']],
  // trading fire is fighting; receiving an official is a meeting; arms from a capital are its gift
  ['Israel and Hezbollah have been trading fire across the border since October.', ['fights hezbollah israel']],
  ['Zelensky received the Polish president in Kyiv.', ['met-with poland ukraine']],
  ['Kyiv received a fresh batch of Patriot missiles from Berlin.', ['supports germany ukraine']],
  // ending ties cuts them; a vow of revenge and a threat oppose their target
  ['Niger revoked military agreements with France.', ['opposes niger france']],
  ['Iran vowed revenge against Israel for the strike.', ['opposes iran israel']],
  ['Armenia froze its participation in the CSTO.', ['opposes armenia collective-security-treaty-organization']],
  ['Turkey threatened to launch a military operation against Kurdish militants in Syria.', ['opposes turkey kurdish-groups']],
];

// Sentences where a word near the parties is easy to mistake for one: exactly these edges, no others.
const EXACT: [string, string[]][] = [
  // a descriptor before the name, not the article's focus group or the demonym's state
  ['Israel struck the militant group Hamas in Gaza.', ['fights hamas israel']],
  ['Israel struck the Lebanese group Hezbollah.', ['fights hezbollah israel']],
  // the noun a participle phrase describes is the subject, not the phrase's agent
  ['Kurdish-led forces backed by the US-led coalition captured Raqqa from Islamic State.', ['fights islamic-state kurdish-groups', 'supports us-led-coalition kurdish-groups']],
  ['Iraqi forces, supported by Iranian-backed militias, retook Tikrit from ISIS.', ['fights iraq islamic-state', 'supports iran pro-government-militias', 'supports pro-government-militias iraq']],
  // past a relative clause that ends right before the verb (whose own passive says who backs them)
  ['The rebels, who are backed by Rwanda, seized the town of Bunagana from Congolese troops.', ['fights democratic-republic-of-the-congo m23', 'supports rwanda m23']],
  // "the ADF rebels": a group no dictionary knows, not the country's known rebels
  ['Uganda deployed troops to help the Congolese army fight the ADF rebels.', []],
  // a capture's object stays in its clause; a participle after "the internationally" is an adjective
  ['The Iran-backed Houthis seized the capital Sanaa in 2014, prompting a Saudi-led coalition to intervene on behalf of the internationally recognised government.', ['supports iran houthis']],
  // what a denial's "that" clause says is negated, not asserted
  ['The Kremlin denied that Russia had supplied weapons to North Korea.', []],
  ['Iran rejected claims that it had armed the Houthis.', []],
  // a subordinate clause whose own subject is no actor: the main clause's subject did not visit
  ["Beijing held military drills around Taiwan after the island's president visited the United States.", []],
  // a group's name before a word for its fighters: one mention, not the article's other group
  ['Pakistani security forces killed 12 Tehreek-e-Taliban Pakistan militants in a raid.', ['fights pakistan pakistani-taliban']],
  // a delegation welcomed is a visit
  ['The Taliban government welcomed a delegation from China.', ['met-with china taliban']],
  // demonyms describing firms are not their states
  ['Japanese car maker Mitsubishi Motors will supply French car maker Peugeot with 30,000 vehicles.', []],
  // what is discussed is a topic, and an order to attack expels nobody
  ["Israel's security cabinet discussed Iran's nuclear programme.", []],
  ['Russia ordered its troops to advance on Kharkiv.', []],
  // calling someone names is no phone call
  ['Erdogan called Netanyahu a terrorist.', []],
  // a conditional clause opened before its subject
  ['If Russia attacks Ukraine, the West will respond.', []],
  ['If Hezbollah fires rockets at northern Israel, Israel will respond.', []],
  ['Unless Iran stops arming the Houthis, Washington will act.', []],
  // the new readings keep their negations and hopes
  ['Kenya did not restore ties with Somalia.', []],
  ['Ukraine has not received any F-16 jets from Denmark.', []],
  ['Moscow and Kyiv have never accused each other of war crimes.', []],
  // an opposition leader belongs to the opposition, not to the state
  ['Venezuelan opposition leader Maria Corina Machado thanked the United States for its support.', ['supports united-states venezuela-opposition']],
  // what hit is named by the agent's noun: sanctions oppose, they do not attack
  ['Russia was hit by new EU sanctions on Monday.', ['opposes european-union russia']],
  // a possessive pronoun that does not refer back to the subject holds nothing
  ['But they now face away games in Italy and France before completing their campaign against Ireland.', []],
  // a match score makes it sport
  ['Brazil defeated Argentina 2-0 in a World Cup qualifier.', []],
  ['Japanese Naomi Osaka defeated American Serena Williams 6-2 6-4 in the final.', []],
  ['Russian strikes killed 15 Ukrainian soldiers near Bakhmut.', ['fights russia ukraine']],
  // a name joined to a participle describes the deal agreed to; the deal's parties are the subject
  ['Israel and Hezbollah agreed to a US-brokered ceasefire.', ['mediated-by hezbollah united-states', 'mediated-by israel united-states', 'negotiates-with hezbollah israel']],
  // fighters named after a group that is no state are that group, not a new one
  ['Turkish drones struck Kurdish militant positions in northern Iraq.', ['fights kurdish-groups turkey']],
  // summoning an ambassador is a protest, not a meeting
  ["The Philippines summoned China's ambassador over the incident.", ['opposes philippines china']],
  // one asked or allowed to act acts only as asked or allowed: nothing here happened
  ['The United States urged Israel to negotiate with Hamas.', []],
  ["Myanmar's military government has refused to allow a UN envoy to meet jailed leader Aung San Suu Kyi.", []],
  ['The government did not allow the Red Cross to visit the prisoners.', []],
  // those asked to agree are the parties, not those asking
  ['The African Union and the United Nations called on the warring parties in Sudan to agree a ceasefire.', []],
  ['Washington urged the two sides to resume talks.', []],
  ["Venezuela's opposition leaders met US officials.", ['met-with united-states venezuela-opposition']],
  ['Russia and Belarus agreed to end their joint military drills.', []],
  // a hedged report is no assertion
  ['Iran is believed to supply the Houthis with drones.', []],
  // a demonym describing a noun after "of" wrote nothing
  ['He said the vote had helped make the election a true celebration of American democracy.', []],
  // talks agreed to be resumed are agreed (a negotiation), not yet held
  ['Azerbaijan and Armenia agreed to resume peace talks in Washington.', ['negotiates-with armenia azerbaijan']],
  // fighters "from" a group the dictionary knows are that group's, not the focus guess
  ["Pakistan's military said it killed 10 militants from the Pakistani Taliban in a raid.", ['fights pakistan pakistani-taliban']],
  // an agreement not to act is still an agreement
  ['Venezuela and Guyana agreed not to use force in their border dispute.', ['negotiates-with guyana venezuela']],
  // a crowd of a country's people is not its government; an instruction is not a meeting
  ['Thousands of Yemenis protested against the Saudi-led coalition in Sanaa.', []],
  ["Egypt's foreign minister told Ethiopian officials not to fill the dam.", []],
  // one maker alone names no other party
  ['The ceasefire agreed by Israel took effect on Monday.', []],
  // a force expelled from a town is fought, not expelled as an envoy is; "back" after a verb is its particle
  ['The Nigerian army expelled Boko Haram fighters from the town.', ['fights boko-haram nigeria']],
  ['Ukrainian troops pushed back Russian forces near Bakhmut.', ['fights russia ukraine']],
  // forcing a state out of talks fights nobody
  ['Russia forced Ukraine out of the grain deal.', []],
  // the subject comes before a prepositional aside, not inside it
  ['The Somali government, with the backing of African Union troops, retook the town from al-Shabaab.', ['fights al-shabaab somalia', 'supports african-union somalia']],
  // "its" is the subject named before it, not an adjective later in the sentence
  ['The United States condemned the Chinese actions and reaffirmed its commitment to defend the Philippines.', ['opposes united-states china', 'supports united-states philippines']],
  // aid that is blocked or frozen is not given
  ['Hungary blocked EU aid to Ukraine.', []],
  ['Germany froze military aid to Ukraine.', []],
  // what one is warned against doing is not done
  ['Beijing warned Washington against arming Taiwan.', ['opposes china united-states']],
  // an offer to host is only planned
  ['Turkey offers to host talks between Russia and Ukraine.', []],
  // a plan's participle is still planned
  ['Russia plans to expand its naval base in Tartus, supporting the Syrian government.', []],
  // comrades in arms both fight the enemy named after them, but siding with someone against a rival is no battle
  ['Eritrean troops fought alongside Ethiopian federal forces against the TPLF.', ['allies-with eritrea ethiopia', 'fights eritrea tigray-peoples-liberation-front', 'fights ethiopia tigray-peoples-liberation-front']],
  ['Hungary sided with Russia against the European Union.', ['allies-with hungary russia']],
  // whoever is angered is the one opposed to what angered it, whose holder is the possessor of the act
  ["The United States' support for Taiwan angered Beijing.", ['opposes china united-states', 'supports united-states taiwan']],
  ["Turkey's purchase of Russian missiles angered Washington.", ['opposes united-states turkey']],
  // a person's own noun keeps the actor named after it
  ['The leader of Hamas met the Turkish president in Ankara.', ['met-with hamas turkey']],
  // a giving verb's first object receives what its second names; a gift that is no support relates nobody
  ['The Japanese government gave the Philippines five patrol boats last year.', ['supports japan philippines']],
  ['Britain sent Ukraine long-range missiles.', ['supports united-kingdom ukraine']],
  ['The Kenyan president sent Ethiopia a letter of condolence.', []],
  // the threat is made, the attack only threatened; a threat not made opposes nobody
  ['Russia threatened to strike Ukraine\'s bridges.', ['opposes russia ukraine']],
  ['Russia did not threaten to attack Moldova.', []],
  ['The junta in Niamey ended its security cooperation with the European Union.', ['opposes niger european-union']],
];

describe('single-sentence wire copy about other countries', () => {
  for (const [sentence, want] of CASES) {
    it(sentence, () => {
      expect(edges(sentence)).toEqual(expect.arrayContaining(want));
    });
  }

  for (const [sentence, want] of EXACT) {
    it(`exactly: ${sentence}`, () => {
      expect(edges(sentence)).toEqual([...want].sort());
    });
  }

  it('a sentence opening on the talks just named gives their mediators', () => {
    const text = 'Congo and Rwanda signed a peace agreement in Washington on Friday. The deal was brokered by the United States and Qatar.';
    expect(edges(text)).toEqual(
      expect.arrayContaining([
        'mediated-by democratic-republic-of-the-congo qatar',
        'mediated-by democratic-republic-of-the-congo united-states',
        'mediated-by rwanda qatar',
        'mediated-by rwanda united-states',
      ]),
    );
    // the participle may follow a comma
    expect(edges('Houthi and Saudi officials held talks in Riyadh. The talks, mediated by Oman, are aimed at a ceasefire.')).toEqual(
      expect.arrayContaining(['mediated-by houthis oman', 'mediated-by saudi-arabia oman']),
    );
    // without talks before it, "the deal" mediates nobody
    expect(edges('The deal was brokered by the United States and Qatar.')).toEqual([]);
  });

  it('a compound\'s process is not joined by whoever mentions it', () => {
    expect(edges('Washington said it supports the U.N.-led political process.').filter((e) => e.startsWith('mediated-by'))).toEqual([]);
  });

  it('what must not come out: a denial, a threat, a plan', () => {
    const denied = extractText('Rwanda denied backing M23 rebels in eastern Congo.').relations;
    expect(denied.filter((r) => r.modality === 'asserted' && r.type === 'supports')).toEqual([]);
    expect(edges('Turkey threatened to launch a military operation against Kurdish militants in Syria.')).not.toContain('fights kurdish-groups turkey');
  });
});
