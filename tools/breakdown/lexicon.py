"""The words departments break a script down by, in English and Chinese (Traditional; Simplified
forms are added where they differ). Each entry is one element: its category, English phrases
(matched on word boundaries, plurals too) and Chinese words (matched as whole jieba words, so 火
is never found inside 火車 and 雨 never inside 雨傘).

A word is listed where a coordinator would break it out and where it seldom means anything else:
- props and set dressing are found even as verbs (`radios the pier`), so their English words are
  nouns rarely used otherwise; a noun that is also a common verb or adjective comes only in a
  phrase (`car key`, `rubber stamp`; no bare `tap`, `sink`, `lock`, `key`, `drinks`, `present`,
  `fan`, `safe`, `remote`);
- other categories skip a verb with an object (`ties the rope`), but a word that is mostly an
  action or a property of another prop stays out: a phone that rings or buzzes is the phone, a
  door that bangs is the door (`ringtone` and `a thud` are sound cues);
- a one-character Chinese word is listed only where it has no everyday other sense and its
  Simplified form is no common Traditional word (鞋, 褲, 藥; not 信, 鎖, 被, 飛, 衫 of laundry,
  nor 麵, whose Simplified 面 is a face)."""

from __future__ import annotations

from dataclasses import dataclass

from tools.breakdown.model import Category


@dataclass(frozen=True)
class Term:
    category: Category
    english: tuple[str, ...]
    chinese: tuple[str, ...] = ()


def _t(category: Category, english: str, chinese: str = "") -> Term:
    return Term(category, tuple(w.strip() for w in english.split(",") if w.strip()), tuple(chinese.split()))


LEXICON: tuple[Term, ...] = (
    # vehicles
    _t("vehicles", "taxi, cab", "的士 計程車 紅的"),
    _t("vehicles", "police car, patrol car", "警車"),
    _t("vehicles", "car, sedan", "汽車 私家車 小汽車 房車"),
    _t("vehicles", "van, delivery van", "客貨車 貨van"),
    _t("vehicles", "truck, lorry", "貨車 卡車"),
    _t("vehicles", "minibus", "小巴"),
    _t("vehicles", "bus", "巴士 公車 公交車"),
    _t("vehicles", "motorbike, motorcycle, scooter", "電單車 摩托車 機車"),
    _t("vehicles", "bicycle, bike", "單車 自行車 腳踏車"),
    _t("vehicles", "ambulance", "救護車"),
    _t("vehicles", "fire engine", "消防車"),
    _t("vehicles", "tram", "電車"),
    _t("vehicles", "ferry, Star Ferry", "渡輪 天星小輪 小輪"),
    _t("vehicles", "boat, sampan, speedboat", "船 舢舨 快艇"),
    _t("vehicles", "train", "火車 列車 港鐵 地鐵"),
    _t("vehicles", "helicopter", "直升機"),
    _t("vehicles", "jeep", "吉普車"),
    _t("vehicles", "limousine, limo", ""),
    _t("vehicles", "Porsche, Mercedes, BMW, Toyota, Tesla, Ferrari", "平治 寶馬"),
    # animals
    _t("animals", "cat, kitten", "貓 貓咪 小貓"),
    _t("animals", "dog, puppy", "狗 小狗 狗仔"),
    _t("animals", "pigeon, dove", "白鴿 鴿子 鴿"),
    _t("animals", "bird", "雀 鳥 雀仔"),
    _t("animals", "gull, seagull", "海鷗"),
    _t("animals", "horse", "馬匹"),
    _t("animals", "chicken, hen, rooster", "雞 公雞 母雞"),
    _t("animals", "rat, mouse", "老鼠"),
    _t("animals", "snake", "蛇"),
    _t("animals", "cow", "牛"),
    _t("animals", "pig", "豬"),
    # special effects
    _t(
        "sfx",
        "rain, rainfall, downpour, pouring rain, heavy rain",
        "雨 落雨 下雨 大雨 雨水 暴雨 細雨 毛毛雨 傾盆大雨 滂沱大雨 落大雨 人工雨",
    ),
    _t(
        "sfx",
        "smoke=, haze, smoky, smoke-filled, plume of smoke, smouldering, smoldering, dry ice",
        "煙霧 濃煙 乾冰 冒煙 黑煙 白煙 煙霧彈 煙餅",
    ),
    _t(
        "sfx",
        "fire=, flames, blaze, bonfire, ablaze, on fire, in flames, inferno, fireball, campfire, "
        "burning car, burning building",
        "火 火焰 火光 篝火 起火 著火 着火 火警 火災 火舌 大火 火堆 焚燒",
    ),
    _t("sfx", "explosion, explodes, exploding, detonation, detonates", "爆炸 引爆 炸開 爆破 大爆炸"),
    _t(
        "sfx",
        "wind=, gust, gale, breeze=, windswept, wind-blown, blustery",
        "風 大風 強風 狂風 微風 陣風 寒風 海風 北風",
    ),
    _t("sfx", "fog, mist, foggy", "霧 大霧 濃霧 薄霧 霧氣"),
    _t("sfx", "snow", "雪 落雪 下雪"),
    _t("sfx", "steam", "蒸氣 蒸汽 水蒸氣"),
    _t("sfx", "sparks, spark shower, shower of sparks, welding sparks, sparking", "火花 電火花 火星四濺"),
    _t(
        "sfx",
        "breakaway, breakaway glass, sugar glass, candy glass, breakaway bottle, breakaway chair",
        "糖玻璃 道具玻璃",
    ),
    _t(
        "sfx",
        "gunfire, gunshot, squib, shots ring out, shots fired, muzzle flash, bullet hits, bullet holes, "
        "bullet impacts, ricochet, blood squib",
        "槍聲 開槍 開火 槍戰 中槍 彈孔 血包",
    ),
    _t("sfx", "breaking glass, shatters", "玻璃碎"),
    # a wet-down: streets hosed so they shine on camera, after rain or in place of it
    _t(
        "sfx",
        "wet-down, wet down, wetdown, wet street, wet road, wet pavement, wet tarmac, wet asphalt, "
        "rain-slicked, rain-soaked street, rain-wet, slick with rain, rain-slick, glistening street, "
        "wet from the rain, wet with rain, after the rain, streets are wet, street is wet, road is wet, "
        "ground is wet, rain-washed, wet neon, neon reflections, glistening wet, shining wet",
        "濕地面 地面濕 路面濕 濕滑 濕漉漉 濕淋淋 積水 雨後 地下濕 街道濕",
    ),
    _t("sfx", "dust cloud, cloud of dust, dust storm", "沙塵 塵土飛揚"),
    _t("sfx", "water cannon, sprinkler, burst pipe", "灑水器 爆水喉 水炮"),
    # visual effects
    _t("vfx", "VFX, CGI, visual effects, digital effect", "視覺效果 電腦特技"),
    _t("vfx", "green screen, blue screen", "綠幕 藍幕"),
    _t("vfx", "fireworks", "煙花"),
    _t("vfx", "screen replacement, graphics insert", ""),
    # weather
    _t(
        "weather",
        "typhoon, storm, hurricane, rainstorm, thunderstorm, tropical storm, black rainstorm",
        "颱風 打風 風暴 風球 八號風球 黑雨 紅雨 黃雨 暴雨警告 雷暴",
    ),
    _t("weather", "sun is shining, sunshine, sunny", "陽光 猛烈陽光 晴天"),
    _t("weather", "overcast, cloudy, grey sky", "陰天 密雲"),
    _t("weather", "drizzle", "微雨 雨粉"),
    _t("weather", "thunder, lightning, thunderclap", "行雷 閃電 雷電 打雷"),
    _t("weather", "flood, flooded", "水浸 水淹"),
    _t("weather", "heatwave, heat haze", "酷熱 炎熱 熱浪"),
    _t("weather", "hailstones, hailstorm", "冰雹"),
    # special equipment
    _t("equipment", "crane, jib", "吊臂 搖臂"),
    _t("equipment", "drone, drone shot", "航拍機 無人機 航拍"),
    _t("equipment", "process trailer, low loader", "拖車"),
    _t("equipment", "rain tower, rain machine, rain bar, rain rig", "雨塔 落雨機 降雨機"),
    _t("equipment", "water truck, water bowser, water tanker", "灑水車"),
    _t("equipment", "wind machine, Ritter fan, E-fan, effects fan, wind fan", "風機 鼓風機"),
    _t("equipment", "smoke machine, haze machine, hazer, smoke gun", "煙機 煙霧機"),
    _t("equipment", "fog machine, fogger, dry ice machine, low fog machine", "乾冰機 造霧機"),
    _t("equipment", "snow machine", "造雪機 人造雪機"),
    _t("equipment", "Steadicam", "斯坦尼康"),
    _t("equipment", "car mount, hood mount", ""),
    _t("equipment", "tracking vehicle, camera car", "拍攝車"),
    _t("equipment", "LED wall, LED volume, LED screen", "LED牆"),
    _t("equipment", "wires, wire rig", "威也 吊威也 鋼絲"),
    _t("equipment", "crash mat, crash pad", "安全墊 氣墊"),
    _t("equipment", "descender rig, descender", ""),
    _t("equipment", "safety net", "安全網"),
    _t("equipment", "harness", "安全帶"),
    _t("equipment", "underwater housing", ""),
    # sound and music
    _t("sound", "song, Cantopop song, music, playback", "歌 歌曲 音樂 粵語流行曲"),
    _t("sound", "horn, car horn, ferry horn", "喇叭 汽笛 響號"),
    _t(
        "sound",
        "siren, alarm, wail of sirens, car alarm, burglar alarm, fire alarm",
        "警報 警笛 警號 警鐘 火警鐘 防盜鐘",
    ),
    _t("sound", "applause, clap, claps, clapping", "掌聲 拍手"),
    _t("sound", "bark, barks, barking", "吠 狗吠"),
    _t("sound", "door chime, doorbell, intercom buzzer", "門鐘 門鈴"),
    _t("sound", "typhoon warning, radio broadcast, announcement", "廣播"),
    # Sounds a writer names without a sound word in capitals. No bare `ring` (jewellery), `watch` or
    # `screams` (a performance); verbs followed by an object (`slams the door`, `knocks him down`)
    # are left to stunts and action.
    _t("sound", "thud, thump, thumping, dull thud", "砰 嘭 砰然 巨響 一聲巨響 撞擊聲"),
    _t("sound", "crash=, clatter, clattering", "哐噹 乒乓聲 乒鈴嘭冷 碰撞聲 撞門聲 嘭嘭聲"),
    _t(
        "sound",
        "scuffle, scuffling, sounds of a struggle, sounds of a fight, commotion, ruckus",
        "扭打聲 打鬥聲 嘈吵聲 吵鬧聲 騷動",
    ),
    _t("sound", "knock, knocking", "敲門聲 拍門聲 叩門聲 敲門 拍門 叩門"),
    _t("sound", "footsteps, footfalls, running feet", "腳步聲"),
    _t("sound", "ringtone, ring tone", "鈴聲 電話鈴聲 來電鈴聲"),
    _t("sound", "beep, beeping, bleep, ping=, pings=", "嗶嗶聲 嘟嘟聲 嘀嘀聲 嗶"),
    _t(
        "sound",
        "screech, screeching, screeching tyres, squeal of tyres, squealing tyres",
        "剎車聲 煞車聲 煞掣聲",
    ),
    _t("sound", "creak, creaks, creaking", "吱吱聲 咿呀聲"),
    _t("sound", "electrical hum, static hiss, white noise", "嗡嗡聲 震動聲 沙沙聲 雜音"),
    _t("sound", "engine revs, revving, rumble, rumbling, engine roar", "引擎聲 摩打聲"),
    _t("sound", "bell=, bells, church bell, temple bell, gong", "鐘聲 銅鑼 鑼聲"),
    _t("sound", "whistle, whistling, police whistle", "哨子聲 口哨 哨聲"),
    _t("sound", "splash, splashing", "潑水聲 撲通"),
    _t("sound", "ticking, tick-tock", "滴答聲 嘀嗒"),
    _t(
        "sound",
        "voicemail, voice message, voice note, recorded message, answering machine, pre-recorded, recording=",
        "留言信箱 錄音留言 語音訊息 錄音 答錄機",
    ),
    _t("sound", "dial tone, engaged tone, busy signal", "撥號聲 忙音"),
    _t("sound", "heart monitor beeping, flatline", "心跳聲"),
    _t("sound", "wind chimes", "風鈴"),
    _t("sound", "traffic noise, street noise, crowd noise, hubbub", "嘈雜聲 人聲 車聲"),
    # make-up and hair
    _t(
        "makeup",
        "blood, bloody, bleeding, blood-stained, bloodstained, bloodied, bloodstain, dried blood, "
        "fake blood, blood spatter",
        "血 流血 鮮血 血跡 血漬 假血 血漿 滿身血 一身血",
    ),
    _t(
        "makeup",
        "wound, the cut, a cut, gash, stitches, stab wound, gunshot wound, bullet wound, laceration, "
        "graze, grazed, split lip, cut lip, bloody nose, nosebleed, broken nose, burn marks, burn scar, "
        "rope burns, scratch marks, bite marks, welts",
        "傷口 刀傷 縫針 擦傷 割傷 燒傷 燙傷 咬傷 槍傷 抓痕 爪痕 傷痕 流鼻血 鼻血 爆口",
    ),
    _t(
        "makeup",
        "bruise, bruised, black eye, swollen eye, swollen lip, swollen face, shiner",
        "瘀 瘀傷 黑眼圈 瘀青 瘀痕 紅腫 腫 鼻青臉腫",
    ),
    _t("makeup", "scar, scarred", "疤 疤痕 刀疤"),
    _t("makeup", "tattoo, dragon tattoo, tattooed, sleeve tattoo", "紋身 刺青 花臂"),
    _t(
        "makeup",
        "age make-up, ageing, aged, grey hair, white hair, greying, grey-haired, white-haired, wrinkles, "
        "age spots, liver spots",
        "老妝 白頭髮 白髮 皺紋 老人斑 花白",
    ),
    _t(
        "makeup",
        "beard, stubble, unshaven, moustache, goatee, sideburns, clean-shaven",
        "鬍子 鬚 長鬍子 鬍鬚 鬚根 鬍渣 鬚渣",
    ),
    _t("makeup", "sweat, sweating", "汗 流汗"),
    _t("makeup", "wig, hairpiece, toupee, bald cap", "假髮 頭套"),
    _t(
        "makeup",
        "ponytail, permed hair, shaved sides, hair bun, top knot, braid, plait, pigtails, crew cut, "
        "buzz cut, shaved head, bald, dyed hair, bleached hair, slicked-back hair, slicked back, "
        "messy hair, bed hair, dishevelled, disheveled, dreadlocks, mohawk, mullet, wet hair, greasy hair",
        "馬尾 曲髮 髮髻 孖辮 辮 光頭 平頭 陸軍裝 染髮 金髮 亂髮 蓬頭垢面 油頭 髮型",
    ),
    _t(
        "makeup",
        "bandage, bandaged, plaster, splint, arm sling, in a sling, eye patch, neck brace, plaster cast",
        "繃帶 紗布 膠布 石膏 吊臂帶 眼罩 頸箍",
    ),
    _t(
        "makeup",
        "make-up, makeup, heavy make-up, smeared make-up, lipstick, mascara, smeared mascara, "
        "running mascara, eyeliner, eyeshadow, nail polish, red nails, false eyelashes",
        "化妝 濃妝 淡妝 口紅 唇膏 眼影 睫毛液 眼線 指甲油 假眼睫毛",
    ),
    _t(
        "makeup",
        "grime, grimy, mud-caked, mud-spattered, soot, soot-blackened, dirt-smeared, filthy face",
        "污糟 滿面灰 一身泥 滿身泥",
    ),
    _t(
        "makeup",
        "prosthetic, prosthetics, prosthetic nose, false teeth, dentures, contact lenses, coloured contacts",
        "義肢 假牙 隱形眼鏡",
    ),
    _t("makeup", "pallor, ashen, sallow", "面青 臉色蒼白 面色蒼白"),
    _t("makeup", "freckles, birthmark", "雀斑 胎記 痣"),
    # wardrobe
    _t(
        "wardrobe",
        "uniform, school uniform, police uniform, nurse's uniform, security uniform, scrubs, lab coat, "
        "white coat, hospital gown, chef's whites, overalls, boiler suit, hi-vis vest, high-vis vest, "
        "body armour, bulletproof vest, stab vest, riot gear",
        "制服 工作服 軍裝 校服 護士服 醫生袍 白袍 手術袍 病人袍 保安制服 反光衣 反光背心 "
        "防彈衣 避彈衣 防暴裝備 工衣 廚師服",
    ),
    _t("wardrobe", "suit, tuxedo, blazer, waistcoat", "西裝 禮服 西裝外套"),
    _t("wardrobe", "apron, blood-stained apron", "圍裙"),
    _t(
        "wardrobe",
        "jacket, bomber jacket, coat, overcoat, parka, anorak, windbreaker, puffer jacket, down jacket, "
        "leather jacket, denim jacket, trench coat",
        "外套 褸 夾克 大褸 皮褸 風褸 羽絨 羽絨褸 乾濕褸 牛仔褸 棉褸",
    ),
    _t("wardrobe", "raincoat", "雨褸 雨衣"),
    _t("wardrobe", "rubber boots, boots, wellingtons, work boots, army boots", "水靴 靴 長靴 軍靴"),
    _t("wardrobe", "tracksuit", "運動服"),
    _t(
        "wardrobe",
        "dress, evening dress, skirt, miniskirt, cheongsam, qipao, gown, wedding dress",
        "裙 晚裝 短裙 長裙 旗袍 長衫 婚紗 連身裙",
    ),
    _t("wardrobe", "shirtless, bare-chested, barefoot, barefooted, bare feet", "赤膊 赤腳 打赤腳"),
    _t(
        "wardrobe",
        "hat, cap, police cap, baseball cap, beanie, woolly hat, straw hat, bucket hat",
        "帽 警帽 帽子 鴨舌帽 冷帽 草帽 漁夫帽 竹笠",
    ),
    _t("wardrobe", "glasses, sunglasses, reading glasses", "眼鏡 太陽眼鏡"),
    _t("wardrobe", "bracelet, fake-jade bracelet, bangle, jade bangle", "手鈪 鈪 玉鈪 手鏈 手繩"),
    _t(
        "wardrobe",
        "necklace, pendant, jade pendant, gold chain, locket, crucifix",
        "頸鏈 吊墜 玉墜 金鏈 項鏈 十字架",
    ),
    _t("wardrobe", "gloves, rubber gloves, latex gloves, mittens", "手套 膠手套 棉手套"),
    _t("wardrobe", "helmet", "頭盔"),
    _t("wardrobe", "pyjamas, pajamas, nightgown, nightie, dressing gown, bathrobe", "睡衣 睡袍 浴袍"),
    _t("wardrobe", "soaked, drenched, dripping", "濕透"),
    # A collar of precious metal is jewellery; a plain 項圈 is the collar a pet is led by (below)
    _t("wardrobe", "gold collar, jewelled collar, jeweled collar", "金色項圈 金項圈 銀項圈"),
    _t(
        "wardrobe",
        "clothes, clothing, outfit, change of clothes, same clothes, yesterday's clothes, costume change",
        "衣服 衣物 便服 戲服 換衫",
    ),
    _t(
        "wardrobe",
        "shirt, T-shirt, polo shirt, blouse, dress shirt, shirt sleeves, rolled-up sleeves, vest, "
        "tank top, singlet, crop top",
        "恤衫 襯衫 T恤 波衫 背心 笠衫 短袖衫 長袖衫 衫袖 恤衫袖",
    ),
    _t(
        "wardrobe",
        "hoodie, sweatshirt, sweater, pullover, cardigan, fleece, knitwear",
        "衛衣 帽T 連帽衫 冷衫 毛衣 羊毛衫 開胸冷衫 抓毛",
    ),
    _t(
        "wardrobe",
        "trousers, jeans, shorts, slacks, chinos, cargo pants, sweatpants, tracksuit bottoms, leggings",
        "褲 褲子 長褲 短褲 西褲 牛仔褲 運動褲 熱褲 打底褲",
    ),
    _t(
        "wardrobe",
        "shoes, trainers, sneakers, running shoes, leather shoes, high heels, stilettos, sandals, "
        "slippers, flip-flops, loafers, canvas shoes",
        "鞋 鞋子 球鞋 運動鞋 波鞋 跑鞋 皮鞋 高踭鞋 高跟鞋 涼鞋 拖鞋 人字拖 帆布鞋 膠拖鞋",
    ),
    _t("wardrobe", "socks, stockings, tights", "襪 襪子 絲襪 褲襪"),
    _t("wardrobe", "necktie, tie=, bow tie, school tie", "領呔 領帶 煲呔"),
    _t("wardrobe", "scarf, shawl, bandana, headscarf", "頸巾 圍巾 披肩 頭巾"),
    _t("wardrobe", "belt=, leather belt, braces, suspenders", "皮帶 腰帶 吊帶"),
    _t("wardrobe", "wristwatch, gold watch, Rolex", "手錶 腕錶 金錶 勞力士"),
    _t(
        "wardrobe",
        "wedding ring, engagement ring, signet ring, jade ring, earrings, ear studs, brooch, cufflinks, "
        "jewellery, jewelry",
        "戒指 婚戒 介指 耳環 耳釘 胸針 袖口鈕 首飾 珠寶",
    ),
    _t("wardrobe", "face mask, surgical mask, balaclava, ski mask, mask", "口罩 面罩 面具"),
    _t(
        "wardrobe",
        "hair clip, hairpin, hairband, headband, scrunchie, hairnet",
        "髮夾 髮箍 頭箍 髮圈 頭繩 髮網",
    ),
    _t("wardrobe", "stethoscope, lanyard, name tag, ID badge, staff pass", "聽診器 職員證 工作證 名牌掛繩"),
    _t(
        "props",
        "handbag, clutch bag, shoulder bag, backpack, rucksack, schoolbag, satchel, tote bag, bum bag, "
        "fanny pack",
        "手袋 背囊 背包 書包 斜孭袋 腰包 孭袋",
    ),
    _t(
        "wardrobe",
        "swimsuit, bikini, swimming trunks, underwear, bra, boxer shorts",
        "泳衣 泳褲 內衣 底衫 底褲 胸圍",
    ),
    _t(
        "wardrobe",
        "soaking wet, wet clothes, muddy clothes, torn shirt, ripped jeans, bloodstained shirt",
        "濕衫 爛衫 爛褲",
    ),
    # set dressing
    _t("set_dressing", "neon signs, neon", "霓虹燈 霓虹 招牌"),
    _t("set_dressing", "awning, tin awnings", "帆布篷 簷篷"),
    _t("set_dressing", "stall, market stall", "檔 檔口 攤檔"),
    _t("set_dressing", "shutters", "閘 鐵閘"),
    _t("set_dressing", "sofa, couch", "沙發 梳化"),
    _t("set_dressing", "bed, cat bed", "床 貓床 小床 病床"),
    _t(
        "set_dressing",
        "table, dining table, folding table, coffee table, mahjong table",
        "枱 桌 桌子 餐枱 飯枱 摺枱 茶几 麻雀枱",
    ),
    _t("set_dressing", "crates, crate", "木箱 膠箱"),
    _t("set_dressing", "screen door", ""),
    _t("set_dressing", "vending machine", "販賣機 自動販賣機"),
    _t("set_dressing", "bench, park bench", "長櫈 長凳"),
    _t("set_dressing", "wall clock, clock", "時鐘 掛鐘"),
    _t("set_dressing", "mirror", "鏡 鏡子"),
    _t("set_dressing", "ceiling fan", "吊扇"),
    _t("set_dressing", "railing", "欄杆"),
    _t("set_dressing", "laundry lines", "晾衫繩 晾衫"),
    _t(
        "set_dressing",
        "water tank, rooftop water tank, TV aerial, TV antenna, aerials=, satellite dish",
        "水箱 天台水箱 天線 電視天線 魚骨天線 衛星天線",
    ),
    _t("set_dressing", "pigeon coop", "白鴿籠 鴿籠"),
    _t("set_dressing", "shack", "鐵皮屋"),
    _t("set_dressing", "water meter", "水錶"),
    _t("set_dressing", "tin roof, corrugated iron, tin panel", "鐵皮"),
    _t("set_dressing", "kennel, dog bed", "狗窩"),
    _t("set_dressing", "cat tree", "貓爬架"),
    _t("set_dressing", "stage", "舞臺 舞台"),
    _t("set_dressing", "certificates", "獎狀"),
    _t(
        "set_dressing",
        "desk, office desk, writing desk, reception desk, counter",
        "書枱 寫字枱 辦公枱 辦公桌 書桌 櫃枱 櫃台",
    ),
    _t(
        "set_dressing",
        "chair, armchair, stool, bar stool, folding chair, office chair, rocking chair",
        "椅 椅子 摺椅 凳 高櫈 搖椅 轉椅 櫈仔",
    ),
    _t(
        "set_dressing",
        "cabinet, cupboard, filing cabinet, shelf, shelves, bookshelf, bookcase, drawer, chest of drawers",
        "櫃 衣櫃 書櫃 書架 雜物櫃 文件櫃 櫃桶 抽屜 夾萬 層架 鞋櫃",
    ),
    _t(
        "set_dressing",
        "fridge, refrigerator, freezer, stove, gas stove, hob, oven, microwave, washing machine, "
        "rice cooker, kettle, extractor hood, range hood, cooker hood",
        "雪櫃 冰箱 冰櫃 爐頭 煤氣爐 電磁爐 焗爐 微波爐 洗衣機 電飯煲 飯煲 水煲 熱水煲 電熱水壺 抽油煙機",
    ),
    _t(
        "set_dressing",
        "electric fan, desk fan, standing fan, air conditioner, air-con, heater, dehumidifier",
        "風扇 電風扇 電扇 冷氣機 冷氣 暖爐 抽濕機 抽風機 抽氣扇 排氣扇",
    ),
    _t(
        "set_dressing",
        "lamp, desk lamp, table lamp, floor lamp, chandelier, lantern, paper lantern, fairy lights",
        "檯燈 枱燈 座地燈 吊燈 燈籠 燈飾",
    ),
    _t(
        "set_dressing",
        "curtains, blinds, rug, carpet, doormat, mattress, pillow, duvet, quilt, bedding, mosquito net",
        "窗簾 百葉簾 地氈 地毯 門口地氈 床褥 床墊 枕頭 攬枕 抱枕 被鋪 棉被 蚊帳",
    ),
    _t(
        "set_dressing",
        "bunk bed, hospital bed, cot, crib, camp bed, folding bed",
        "碌架床 帆布床 嬰兒床 摺床",
    ),
    _t(
        "set_dressing",
        "altar, shrine, ancestral tablet, incense burner, offerings",
        "神枱 神位 神龕 祖先牌位 香爐 土地公 貢品",
    ),
    _t("set_dressing", "fish tank, aquarium, goldfish bowl, birdcage, bird cage", "魚缸 金魚缸 雀籠 鳥籠"),
    _t(
        "set_dressing",
        "potted plant, pot plant, houseplant, flowers, bouquet, vase, lucky bamboo",
        "盆栽 花盆 鮮花 花束 花樽 花瓶 富貴竹 年桔",
    ),
    _t(
        "set_dressing",
        "rubbish bin, dustbin, wastebasket, wastepaper basket, trash can, bin bags, rubbish bags, "
        "garbage bags",
        "垃圾桶 垃圾筒 廢紙箱 垃圾袋 垃圾",
    ),
    _t(
        "set_dressing",
        "whiteboard, noticeboard, notice board, blackboard, corkboard, calendar, wall calendar, poster, "
        "posters, photo frame, framed photo, picture frame, family photo",
        "白板 黑板 告示板 壁報板 月曆 日曆 掛曆 海報 相架 相框 全家福",
    ),
    _t(
        "set_dressing",
        "kitchen sink, washbasin, faucet, bathtub, water heater",
        "鋅盤 洗手盆 水喉 水龍頭 浴缸 熱水爐",
    ),
    _t(
        "set_dressing",
        "clothes rack, coat hanger, hangers, clothes horse, ironing board, laundry basket, shoe rack",
        "衣架 衫架 晾衫架 熨衫板 洗衣籃 鞋架",
    ),
    _t(
        "set_dressing",
        "letterbox, mailbox, postbox, intercom, CCTV camera, security camera",
        "信箱 郵箱 郵筒 閉路電視 監控鏡頭",
    ),
    _t("set_dressing", "broken glass, shattered glass, shards of glass, debris", "碎玻璃 玻璃碎片"),
    _t(
        "set_dressing",
        "scaffolding, bamboo scaffolding, rubble, sandbags, traffic cones, barriers, roadblock",
        "棚架 竹棚 瓦礫 沙包 雪糕筒 鐵馬 路障",
    ),
    # props
    _t(
        "props",
        "phone, mobile, mobile phone, handset, smartphone, iPhone, cellphone, flip phone, burner phone, "
        "payphone, landline",
        "手機 電話 電話筒 智能手機 公眾電話 電話亭 座機",
    ),
    _t("props", "radio, taxi radio", "收音機 無線電 的士台"),
    _t("props", "knife, butterfly knife, blade", "刀 牛肉刀 蝴蝶刀"),
    _t("props", "cleaver", "菜刀 魚刀"),
    _t("props", "gun, pistol, revolver, rifle, shotgun", "槍 手槍 長槍"),
    _t("props", "plastic bag, bag, carrier bag", "膠袋 袋 袋子 塑膠袋 塑膠袋子"),
    _t("props", "envelope", "信封"),
    _t("props", "money, cash, banknotes", "錢 現金 鈔票 紙幣"),
    _t("props", "drugs", "毒品 白粉"),
    _t("props", "wallet, purse", "銀包 錢包"),
    _t(
        "props",
        "keys, car key, door key, house key, room key, spare key, key card, keycard, key ring, keyring, "
        "keychain, bunch of keys",
        "鎖匙 鑰匙 車匙 門匙 鎖匙扣 房卡 門卡 匙扣",
    ),
    _t(
        "props",
        "laptop, computer, desktop computer, tablet computer, iPad, computer monitor, keyboard",
        "手提電腦 筆電 電腦 平板電腦 平板 桌面電腦 電腦熒幕 鍵盤",
    ),
    _t("props", "USB stick", "USB手指"),
    _t("props", "ledger", "數簿 賬簿"),
    _t(
        "props",
        "cup, paper cup, mug, teacup, coffee cup, tumbler, wine glass, water glass, shot glass, "
        "glass of water, glass of wine, flask, hip flask, water bottle",
        "杯 杯子 馬克杯 紙杯 茶杯 水杯 玻璃杯 酒杯 咖啡杯 膠杯 保溫杯 水樽",
    ),
    _t("props", "beer", "啤酒"),
    _t("props", "milk tea, iced milk tea", "奶茶 凍奶茶"),
    _t("props", "tea", "茶"),
    _t("props", "coffee", "咖啡"),
    _t("props", "thermos", "暖水壺 保溫瓶"),
    _t("props", "torch, flashlight", "電筒 手電筒"),
    _t("props", "baton", "警棍"),
    _t("props", "handcuffs, handcuffed", "手扣 手銬"),
    _t("props", "warrant card", "委任證"),
    _t("props", "calculator", "計數機"),
    _t("props", "newspaper, racing pages", "報紙 馬經"),
    _t(
        "props",
        "cigarette, cigarette pack, pack of cigarettes, cigarette packet, cigarette butt, cigar, "
        "e-cigarette, vape, joss stick, incense stick, matchbox, box of matches, matchstick",
        "香煙 煙仔 煙包 煙頭 煙蒂 雪茄 電子煙 煙斗 火柴 香燭 線香 元寶 衣紙 溪錢",
    ),
    _t("props", "lighter, Zippo, cigarette lighter", "火機 打火機"),
    _t("props", "bottle", "樽 瓶 瓶子"),
    _t("props", "bowl, cat food bowl, water bowl", "碗 貓糧碗 水碗"),
    _t("props", "cat food", "貓糧 罐頭"),
    _t("props", "chopsticks", "筷子"),
    _t("props", "ladder", "梯 梯子"),
    _t("props", "police tape, tape", "封條 膠紙"),
    _t("props", "rope, cable ties", "繩 繩子 索帶"),
    _t("props", "cash box, metal cash box, box, boxes", "錢箱 箱 箱子 盒子 紙盒"),
    _t("props", "biscuit tin, tin", "餅罐 罐"),
    _t("props", "broom, bamboo broom", "掃把"),
    _t("props", "umbrella", "雨傘 傘 雨遮 縮骨遮"),
    _t("props", "camera", "相機 攝影機"),
    _t("props", "toothpick", "牙籤"),
    _t("props", "book", "書"),
    _t("props", "photo", "相片 照片"),
    _t("props", "documents, files, folder", "文件 文件夾"),
    _t("props", "evidence bag", "證物袋"),
    _t("props", "bucket", "桶 水桶"),
    _t("props", "medical kit, first-aid kit", "藥箱"),
    _t("props", "comb, brush", "梳子"),
    _t("props", "microphone, mic", "麥克風"),
    _t("props", "trophy", "獎盃"),
    _t("props", "laser pointer", "雷射筆 激光筆"),
    _t("props", "megaphone, loudhailer", "擴音器 大聲公"),
    _t("props", "branch", "樹枝"),
    _t("props", "stone, rock", "石頭"),
    _t("props", "food, dinner, breakfast", "晚餐 早餐 宵夜 慶祝晚餐"),
    _t("props", "oranges, fruit", "橙 水果"),
    _t("props", "fish, grouper", "魚 石斑"),
    _t("props", "scope, sniper scope", "瞄準鏡"),
    _t("props", "pigeon feed, feed sack", "飼料"),
    _t("props", "feeder", "餵食器"),
    _t("props", "note, $500 note", "五百蚊"),
    _t("props", "straws, straw", "飲管"),
    _t("props", "taxi meter, meter", "咪錶"),
    _t("props", "roof sign", "的士牌"),
    _t("props", "chairs, plastic chairs", "膠櫈 櫈"),
    _t("props", "trolley, stretcher", "床車 擔架"),
    _t("props", "wheelchair", "輪椅"),
    _t("props", "foil blanket, blanket", "錫紙毯 毛氈 毯子 毛毯"),
    # kitchen and tableware
    _t(
        "props",
        "wok, frying pan, saucepan, pot=, stockpot, clay pot, steamer, teapot, ladle, spatula, tongs",
        "鍋 鍋子 電鍋 炒鍋 炒鑊 平底鑊 鑊鏟 煲仔 砂煲 湯煲 茶壺 蒸籠 湯殼",
    ),
    _t(
        "props",
        "plates, dinner plate, paper plate, dish=, saucer, tray, serving tray, chopping board, cutting board",
        "碟 碟仔 碟子 盤子 托盤 砧板",
    ),
    _t("props", "spoon, soup spoon, fork, knife and fork, cutlery", "匙羹 湯匙 茶匙 勺子 叉子 刀叉 餐具"),
    _t(
        "props",
        "lunchbox, lunch box, bento, tiffin carrier, takeaway box, takeaway container, "
        "takeout container, takeaway, takeout, styrofoam box, food container, Tupperware",
        "飯盒 便當 外賣 外賣盒 外賣袋 發泡膠盒 餐盒 保鮮盒 飯壺 三層飯壺",
    ),
    _t(
        "props",
        "jar, glass jar, pickle jar, can of beer, beer can, soda can, tin can, carton, juice box, "
        "milk carton",
        "玻璃樽 啤酒罐 汽水罐 紙包飲品 紙包",
    ),
    _t(
        "props",
        "tissues, tissue, paper towels, napkin, napkins, kitchen roll, toilet roll, toilet paper",
        "紙巾 餐巾 廁紙 面紙 衛生紙 紙巾盒",
    ),
    _t(
        "props",
        "towel, hand towel, face towel, bath towel, dish towel, tea towel, rag, cloth=",
        "毛巾 面巾 浴巾 大毛巾 抹布 毛巾仔",
    ),
    _t(
        "props",
        "toothbrush, toothpaste, soap, shampoo, razor, shaver, hairdryer, hair dryer, nail clippers, "
        "tweezers, hairbrush, hand sanitiser, hand-sanitiser, hand sanitizer, hand-sanitizer, "
        "hand-sanitiser dispenser, hand sanitiser dispenser, sanitiser dispenser, soap dispenser",
        "牙刷 牙膏 番梘 肥皂 洗頭水 沐浴露 剃鬚刨 剃刀 風筒 吹風機 指甲鉗 鉗仔 搓手液 消毒搓手液 洗手液",
    ),
    _t(
        "props",
        "mop, dustpan, vacuum cleaner, hoover, sponge, scrubbing brush, detergent, bleach, spray bottle, "
        "feather duster",
        "地拖 垃圾鏟 吸塵機 海綿 百潔布 洗潔精 漂白水 雞毛掃",
    ),
    # food and drink
    _t(
        "props",
        "noodles, instant noodles, cup noodles, pot noodle, ramen, noodle soup, wonton noodles",
        "泡麵 公仔麵 杯麵 即食麵 出前一丁 車仔麵 雲吞麵 拉麵 麵條",
    ),
    _t(
        "props",
        "rice=, fried rice, congee, rice box, rice bowl, dim sum, dumplings, siu mai, har gow, wontons, "
        "spring rolls",
        "白飯 炒飯 叉燒飯 粥 白粥 點心 燒賣 蝦餃 餃子 雲吞 春卷 碟頭飯",
    ),
    _t(
        "props",
        "bread, buns, pineapple bun, sandwich, toast, French toast, cake, birthday cake, mooncake, "
        "mooncakes, biscuits, cookies, crackers",
        "麵包 菠蘿包 雞尾包 叉燒包 三文治 三明治 飯糰 多士 西多士 蛋糕 生日蛋糕 月餅 餅乾 曲奇 梳打餅",
    ),
    _t(
        "props",
        "snacks, crisps, chips, sweets, candy, chocolate, chocolate bar, chewing gum, fish balls, "
        "curry fish balls, skewers",
        "零食 雪糕 冰淇淋 雪條 薯片 糖果 朱古力 巧克力 香口膠 魚蛋 咖喱魚蛋 串燒 燒賣串 雞蛋仔 煎釀三寶 糖",
    ),
    _t(
        "props",
        "apple, apples, banana, bananas, watermelon, lychees, mandarins, grapes, fruit basket",
        "蘋果 香蕉 西瓜 荔枝 柑 提子 葡萄 生果 果籃",
    ),
    _t(
        "props",
        "eggs, tea eggs, roast pork, char siu, roast duck, roast goose, chicken wings, steak, soup",
        "雞蛋 茶葉蛋 燒肉 叉燒 燒鴨 燒鵝 雞翼 牛扒 例湯 老火湯",
    ),
    _t(
        "props",
        "wine, red wine, whisky, whiskey, brandy, vodka, rice wine, baijiu, sake, champagne, liquor, booze",
        "酒 紅酒 白酒 威士忌 白蘭地 米酒 燒酒 二鍋頭 香檳 洋酒",
    ),
    _t(
        "props",
        "milk, ice cream, soft drink, soda, cola, Coke, lemon tea, iced lemon tea, soy milk, Vitasoy, "
        "juice, orange juice, mineral water, bottled water, energy drink, bubble tea, coffee-and-tea, "
        "coffees-and-teas=, yuenyeung, yuen yeung",
        "飲料 牛奶 汽水 可樂 檸檬茶 凍檸茶 豆漿 維他奶 果汁 橙汁 礦泉水 蒸餾水 樽裝水 "
        "能量飲品 珍珠奶茶 涼茶 鴛鴦 熱飲 凍飲",
    ),
    # office and paper
    _t(
        "props",
        "pen, pens, ballpoint pen, biro, pencil, marker pen, marker, highlighter, fountain pen",
        "筆 原子筆 鉛筆 墨水筆 箱頭筆 螢光筆 白板筆 鋼筆",
    ),
    _t(
        "props",
        "notebook, notepad, police notebook, diary, journal, address book, sketchbook, exercise book, "
        "clipboard, order pad, order book",
        "筆記簿 記事簿 簿仔 日記 日記簿 地址簿 速寫簿 功課簿 寫字板 筆記本",
    ),
    _t(
        "props",
        "statement, witness statement, case file, dossier, police report, medical chart",
        "口供 筆錄 報告書 檔案 卷宗 病歷 病歷表 警方報告",
    ),
    _t(
        "props",
        "paper, papers, sheet of paper, stack of papers, paperwork, contract, letter, letters, memo, "
        "note paper, sticky note, Post-it, Post-its",
        "紙 白紙 信紙 表格 合約 信件 便條 便利貼 字條 紙條",
    ),
    _t(
        "props",
        "stapler, paper clip, paper clips, scissors, glue, rubber stamp, ink pad, hole punch, sellotape",
        "釘書機 萬字夾 迴紋針 膠帶 剪刀 間尺 膠水 印章 圖章 印台 打窿機",
    ),
    _t(
        "props",
        "printer, photocopier, fax machine, shredder, typewriter",
        "打印機 影印機 傳真機 碎紙機 打字機",
    ),
    _t(
        "props",
        "magazine, comic, comics, comic book, manga, flyer, flyers, leaflet, pamphlet, brochure, menu, "
        "map, street map",
        "雜誌 漫畫 公仔書 傳單 單張 小冊子 餐牌 菜單 地圖",
    ),
    _t(
        "props",
        "passport, ID card, identity card, HKID, driving licence, driver's license, business card, "
        "name card, police badge, badge, student card, membership card, hawker's licence, "
        "hawker licence, trading licence, liquor licence, gun licence, firearms licence, work permit",
        "護照 身份證 證件 駕駛執照 名片 卡片 警員證 學生證 會員卡",
    ),
    # money and tickets
    _t(
        "props",
        "coins, coin, loose change, small change, exact change, spare change, red packet, red envelope, "
        "lai see, cheque, "
        "credit card, Octopus card, bank card, ATM card, IOU, bank book, passbook, bundle of cash, "
        "wad of cash, stack of notes",
        "硬幣 散紙 銀仔 零錢 利是 紅包 支票 信用卡 八達通 銀行卡 提款卡 借據 欠單 銀行簿 存摺 一疊錢",
    ),
    _t(
        "props",
        "receipt, receipts, invoice, ticket, tickets, parking ticket, lottery ticket, Mark Six ticket, "
        "betting slip, pawn ticket, raffle ticket, boarding pass, train ticket",
        "收據 單據 發票 賬單 帳單 票 車票 戲飛 告票 六合彩 馬票 彩票 當票 登機證 罰單",
    ),
    # phones and electronics
    _t(
        "props",
        "pager, beeper, walkie-talkie, two-way radio, charger, phone charger, charging cable, "
        "power bank, earphones, headphones, earbuds, headset, SIM card, cables=, extension cord, "
        "extension lead, power strip, amplifier, loudspeaker, boombox, karaoke machine, PA system",
        "傳呼機 call機 對講機 充電器 叉電器 叉電線 尿袋 耳機 耳筒 電話卡 SIM卡 拖板 擴音機 音響 喇叭箱 卡拉OK機",
    ),
    _t(
        "props",
        "remote control, video camera, camcorder, dashcam, hard drive, memory card, SD card, "
        "tape recorder, voice recorder, dictaphone, cassette, cassette tape, Walkman, CD player, DVD, "
        "game console, Game Boy, batteries, battery",
        "遙控 遙控器 錄影機 攝錄機 行車記錄儀 硬碟 記憶卡 錄音機 錄音筆 卡式帶 錄音帶 "
        "隨身聽 光碟 影碟 遊戲機 電池 錄影帶",
    ),
    # bags and luggage
    _t(
        "props",
        "suitcase, briefcase, luggage, duffel bag, holdall, sports bag, gym bag, shopping bag, "
        "paper bag, red-white-blue bag, sack, rice sack, trolley case, cool box",
        "行李箱 喼 行李喼 公事包 行李 旅行袋 運動袋 購物袋 紙袋 紅白藍膠袋 紅白藍 麻包袋 米袋",
    ),
    # tools and hardware
    _t(
        "props",
        "hammer=, screwdriver, spanner, wrench=, pliers, crowbar, power drill, electric drill, chainsaw, "
        "axe, hatchet, shovel, spade, pickaxe, toolbox, tool box, tape measure, bolt cutters, "
        "wire cutters, lock pick, padlock, bike lock, chain and padlock, duct tape, gaffer tape, "
        "zip ties, bamboo pole, hose, garden hose, blowtorch, spray paint, paint can, paintbrush",
        "錘 鐵錘 槌 螺絲批 士巴拿 扳手 鉗 鐵鉗 撬棍 鐵筆 電鑽 電鋸 斧頭 鐵鏟 鋤頭 "
        "工具箱 拉尺 鐵鉗剪 掛鎖 單車鎖 鐵鍊 牛皮膠紙 竹竿 喉管 噴槍 噴漆 油漆 油掃",
    ),
    # weapons beyond guns and knives
    _t(
        "props",
        "baseball bat, machete, watermelon knife, meat cleaver, chopper, iron bar, metal pipe, "
        "lead pipe, steel pipe, iron pipe, knuckle-duster, brass knuckles, nunchucks, dagger, sword, "
        "spear, bow and arrow, taser, pepper spray, tear gas, bullets, ammunition, ammo, magazine clip, "
        "holster, silencer, grenade, bomb, detonator, time bomb",
        "棒球棍 西瓜刀 開山刀 斬骨刀 鐵通 鐵棍 木棍 鐵枝 指虎 雙節棍 匕首 劍 長矛 弓箭 "
        "電槍 胡椒噴霧 催淚彈 子彈 彈藥 彈匣 槍套 滅聲器 手榴彈 炸彈 引爆器 計時炸彈",
    ),
    # medical
    _t(
        "props",
        "syringe, needle, hypodermic, IV drip, drip stand, IV bag, saline drip, oxygen mask, "
        "oxygen tank, blood pressure cuff, thermometer, defibrillator, heart monitor, crutches, crutch, "
        "walking stick, cane, walking frame, hearing aid, insulin pen, inhaler",
        "針筒 注射器 針藥 打針 吊鹽水 點滴 氧氣罩 氧氣樽 血壓計 探熱針 體溫計 溫度計 "
        "除顫器 心電圖機 拐杖 柺杖 枴杖 助行架 助聽器 哮喘泵",
    ),
    _t(
        "props",
        "pills, pill, tablets, capsules, pill bottle, medicine, medication, painkillers, sleeping pills, "
        "prescription, cough syrup, ointment, antiseptic, cotton wool, cotton swabs, ice pack, "
        "hot water bottle",
        "藥 藥丸 藥片 藥樽 藥物 止痛藥 安眠藥 藥方 處方 咳藥水 藥水 藥膏 消毒藥水 棉花 "
        "棉花棒 冰袋 暖水袋 跌打酒 藥油 萬金油 白花油",
    ),
    # toys and games
    _t(
        "props",
        "toy car, toy gun, toy box, teddy bear, doll, dolls, stuffed toy, soft toy, plush toy, "
        "action figure, Lego, kite, balloon, balloons, football, basketball, tennis ball, "
        "ping-pong ball, skipping rope, marbles, yo-yo, Rubik's cube, cat toy, feather wand, laser toy",
        "玩具 公仔 毛公仔 啤啤熊 洋娃娃 玩具車 玩具槍 積木 風箏 氣球 足球 籃球 網球 "
        "乒乓波 跳繩 波子 搖搖 扭計骰 逗貓棒 貓玩具",
    ),
    _t(
        "props",
        "playing cards, deck of cards, mahjong tiles, mahjong set, dice, chessboard, Chinese chess, "
        "chess set, board game, video game, game cartridge",
        "啤牌 撲克 撲克牌 麻雀牌 麻將 骰仔 骰子 色子 象棋 棋盤 飛行棋 大富翁",
    ),
    # pet supplies
    _t(
        "props",
        "leash, dog lead, pet carrier, cat carrier, litter box, litter tray, cat litter, "
        "scratching post, pet food, dog food, pet treats, chew toy, muzzle, dog collar, cat collar, "
        "pet collar, flea collar",
        "項圈 狗帶 牽繩 貓籠 狗籠 外出籠 寵物袋 貓砂 貓砂盆 貓抓板 貓抓柱 狗糧 寵物零食 肉泥 貓條 鈴鐺 口套",
    ),
    # everyday odds and ends
    _t("props", "candle, candles, glow stick", "蠟燭 燭台 螢光棒"),
    _t(
        "props",
        "watch box, jewellery box, gift box, gift, wrapped present, shoebox, shoe box, cardboard box, "
        "parcel, package, delivery box",
        "首飾盒 禮盒 禮物 鞋盒 紙皮箱 紙箱 包裹 郵包 速遞",
    ),
    _t(
        "props",
        "handkerchief, hanky, folding fan, hand fan, mirror compact, compact mirror, perfume, lip balm, "
        "hand cream",
        "手帕 手巾仔 摺扇 扇 紙扇 粉盒 香水 潤唇膏 護手霜",
    ),
    _t(
        "props",
        "sunglasses case, glasses case, spectacle case, phone case, pencil case, wallet chain",
        "眼鏡盒 筆袋 手機殼",
    ),
    _t(
        "props",
        "twine, rubber band, elastic band, safety pin, needle and thread, sewing kit",
        "繩仔 橡筋 扣針 針線 針線包",
    ),
    _t(
        "props",
        "newspaper clippings, photo album, scrapbook, old photos, polaroid, polaroids",
        "剪報 相簿 相冊 舊相 即影即有 菲林",
    ),
)

# One-character Chinese nouns the lexicon leaves out alone because they have everyday other senses
# (相 mutual, 信 believe, 衫 of laundry, 被 the passive), but that name the thing after their
# measure word (一張相 a photo, 封信 a letter, 件衫 a top, 張被 a quilt): the noun, its measure
# words, and an English phrase of the entry it belongs to.
MEASURED_CHINESE: dict[str, tuple[str, str]] = {
    "相": ("張幅", "photo"),
    "信": ("封", "letter"),
    "衫": ("件", "shirt"),
    "被": ("張", "quilt"),
}

# A garment or a look named by the adjective made from it (`a uniformed officer`, `two masked
# men`, `his gloved hand`): the adjective and the garment, an English phrase of its entry.
WORN_ADJECTIVES: dict[str, str] = {
    "uniformed": "uniform",
    "masked": "mask",
    "gloved": "gloves",
    "helmeted": "helmet",
    "bespectacled": "glasses",
    "suited": "suit",
    "aproned": "apron",
    "bearded": "beard",
    "moustached": "moustache",
}

# Effects equipment is booked to make one effect, so a scene that has the equipment has the effect
# too, even where neither the action nor the note names it: a note booking the rain tower for a
# scene is the only place that scene's rain is written down, and the effects crew plans the rain,
# not just the rig. Keys and values are each entry's first English phrase. A water truck wets the
# ground (a wet-down); a rain tower makes the rain, which covers a truck feeding it.
EQUIPMENT_TO_EFFECT: dict[str, str] = {
    "rain tower": "rain",
    "water truck": "wet-down",
    "wind machine": "wind",
    "smoke machine": "smoke",
    "fog machine": "fog",
    "snow machine": "snow",
}

# Someone taken hold of by force: pinned or shoved against a wall, thrown to the floor, grabbed by
# the throat or collar, held in a headlock. Contact between performers is flagged for the stunt
# coordinator even without a blow; a person is a pronoun or a capitalised name, so `pushes the
# door against the wall` and `throws his bag onto the table` are not it.
_PERSON = r"(?:him|her|them|me|us|each\s+other|one\s+another|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
_FORCE_VERBS = (
    r"(?:pin|pins|pinned|pinning|shove|shoves|shoved|shoving|push|pushes|pushed|pushing|hurl|hurls|hurled|"
    r"hurling|slam|slams|slammed|slamming|throw|throws|threw|thrown|throwing|drag|drags|dragged|dragging|"
    r"wrestle|wrestles|wrestled|wrestling|force|forces|forced|forcing)"
)
_HOLD_VERBS = (
    r"(?:grab|grabs|grabbed|grabbing|seize|seizes|seized|seizing|haul|hauls|hauled|hauling|yank|yanks|"
    r"yanked|yanking|lift|lifts|lifted|lifting|take|takes|took|taking|hold|holds|held|holding)"
)
_MANHANDLED = (
    rf"\b{_FORCE_VERBS}\s+{_PERSON}\s+(?:back\s+|hard\s+|up\s+)?(?:against|into)\s+(?:the\s+|a\s+)?"
    r"(?:wall|floor|ground|door|table|desk|car|bonnet|hood|railings?|window|lockers?|bars|fence)\b"
    rf"|\b{_FORCE_VERBS}\s+{_PERSON}\s+(?:to|onto|down\s+on(?:to)?)\s+the\s+(?:floor|ground|deck|tarmac|pavement)\b"
    rf"|\b{_HOLD_VERBS}\s+{_PERSON}\s+by\s+the\s+(?:throat|collar|lapels?|neck|hair|scruff)\b"
    r"|\b(?:headlock|chokehold|stranglehold|strangles?|strangled|throttles?|throttled)\b"
    rf"|\bchok(?:es|ed|ing)\s+{_PERSON}"
)
# The same in Chinese: pinned or shoved to a wall or the ground (將佢撳落牆, 把他按在地上), grabbed
# by the collar (揪住佢衣領), a headlock (箍頸). Phrases jieba splits, so matched on the text.
_MANHANDLED_CHINESE = (
    r"[撳推壓按摔掟](?:住|實|咗|了)?(?:佢|佢哋|他|她|他們|她們|對方)?(?:落|埋|喺|在|到|向)(?:牆|地|地下|地上|枱|桌)"
    r"|[揪抓扯捉][住著着起][^，。！？\s]{0,5}(?:衣領|頸|頭髮)"
    r"|箍頸|鎖喉|扼頸|掐頸"
)

# Sentences of English action that mean a stunt, by the canonical stunt they name.
STUNT_ACTIONS: dict[str, str] = {
    "fall": r"\b(?:falls?|fell|tumbles?|tumbled|topples?|plunges?|trips?|tripped)\b(?!\s+(?:asleep|silent|quiet|still|apart|in love))",
    "jump": r"\b(?:leaps?|leapt|jumps?\s+(?:off|from|across|over|out|onto|through|down))\b",
    "fight": r"\b(?:fights?|punch(?:es|ed)?|kicks?\s+(?:him|her|them)|slam(?:s|med)\s+(?:against|into|him|her)|smacks?\s+(?:him|her)|SLAMMED|SMACKS|headbutts?|tackles?|brawl)\b"
    f"|{_MANHANDLED}|{_MANHANDLED_CHINESE}",
    "chase": r"\bchase\b|\bTHE CHASE\b",
    "car crash": r"\b(?:crashes\s+into|car crash|collides?)\b",
    "hit by a vehicle": r"\bhit by (?:a|the) (?:car|taxi|bus|van)\b",
}
STUNT_CHINESE: dict[str, tuple[str, ...]] = {
    "fall": ("跌", "跌低", "跌落", "跌落去", "摔倒", "跌倒", "滾落"),
    "jump": ("跳", "跳過去", "跳出", "飛身", "跳落"),
    "fight": ("打交", "一拳", "打鬥", "扭打", "打架"),
    "chase": ("追", "追逐", "追趕", "追捕"),
    "car crash": ("撞車",),
}
