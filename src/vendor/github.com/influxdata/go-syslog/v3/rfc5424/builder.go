package rfc5424

import (
	"fmt"
	"sort"
	"time"

	"github.com/influxdata/go-syslog/v3/common"
)

// todo(leodido) > support best effort for builder ?

const builderStart int = 59

const builderEnTimestamp int = 8
const builderEnHostname int = 45
const builderEnAppname int = 46
const builderEnProcid int = 47
const builderEnMsgid int = 48
const builderEnSdid int = 49
const builderEnSdpn int = 50
const builderEnSdpv int = 589
const builderEnMsg int = 59

type entrypoint int

const (
	timestamp entrypoint = iota
	hostname
	appname
	procid
	msgid
	sdid
	sdpn
	sdpv
	msg
)

func (e entrypoint) translate() int {
	switch e {
	case timestamp:
		return builderEnTimestamp
	case hostname:
		return builderEnHostname
	case appname:
		return builderEnAppname
	case procid:
		return builderEnProcid
	case msgid:
		return builderEnMsgid
	case sdid:
		return builderEnSdid
	case sdpn:
		return builderEnSdpn
	case sdpv:
		return builderEnSdpv
	case msg:
		return builderEnMsg
	default:
		return builderStart
	}
}

var currentid string
var currentparamname string

func (sm *SyslogMessage) set(from entrypoint, value string) *SyslogMessage {
	data := []byte(value)
	p := 0
	pb := 0
	pe := len(data)
	eof := len(data)
	cs := from.translate()
	backslashes := []int{}

	{
		if p == pe {
			goto _testEof
		}
		switch cs {
		case 59:
			goto stCase59
		case 60:
			goto stCase60
		case 0:
			goto stCase0
		case 1:
			goto stCase1
		case 2:
			goto stCase2
		case 3:
			goto stCase3
		case 4:
			goto stCase4
		case 5:
			goto stCase5
		case 6:
			goto stCase6
		case 7:
			goto stCase7
		case 8:
			goto stCase8
		case 9:
			goto stCase9
		case 10:
			goto stCase10
		case 11:
			goto stCase11
		case 12:
			goto stCase12
		case 13:
			goto stCase13
		case 14:
			goto stCase14
		case 15:
			goto stCase15
		case 16:
			goto stCase16
		case 17:
			goto stCase17
		case 18:
			goto stCase18
		case 19:
			goto stCase19
		case 20:
			goto stCase20
		case 21:
			goto stCase21
		case 22:
			goto stCase22
		case 23:
			goto stCase23
		case 24:
			goto stCase24
		case 25:
			goto stCase25
		case 26:
			goto stCase26
		case 27:
			goto stCase27
		case 28:
			goto stCase28
		case 29:
			goto stCase29
		case 30:
			goto stCase30
		case 31:
			goto stCase31
		case 32:
			goto stCase32
		case 61:
			goto stCase61
		case 33:
			goto stCase33
		case 34:
			goto stCase34
		case 35:
			goto stCase35
		case 36:
			goto stCase36
		case 37:
			goto stCase37
		case 38:
			goto stCase38
		case 39:
			goto stCase39
		case 40:
			goto stCase40
		case 41:
			goto stCase41
		case 42:
			goto stCase42
		case 43:
			goto stCase43
		case 44:
			goto stCase44
		case 45:
			goto stCase45
		case 62:
			goto stCase62
		case 63:
			goto stCase63
		case 64:
			goto stCase64
		case 65:
			goto stCase65
		case 66:
			goto stCase66
		case 67:
			goto stCase67
		case 68:
			goto stCase68
		case 69:
			goto stCase69
		case 70:
			goto stCase70
		case 71:
			goto stCase71
		case 72:
			goto stCase72
		case 73:
			goto stCase73
		case 74:
			goto stCase74
		case 75:
			goto stCase75
		case 76:
			goto stCase76
		case 77:
			goto stCase77
		case 78:
			goto stCase78
		case 79:
			goto stCase79
		case 80:
			goto stCase80
		case 81:
			goto stCase81
		case 82:
			goto stCase82
		case 83:
			goto stCase83
		case 84:
			goto stCase84
		case 85:
			goto stCase85
		case 86:
			goto stCase86
		case 87:
			goto stCase87
		case 88:
			goto stCase88
		case 89:
			goto stCase89
		case 90:
			goto stCase90
		case 91:
			goto stCase91
		case 92:
			goto stCase92
		case 93:
			goto stCase93
		case 94:
			goto stCase94
		case 95:
			goto stCase95
		case 96:
			goto stCase96
		case 97:
			goto stCase97
		case 98:
			goto stCase98
		case 99:
			goto stCase99
		case 100:
			goto stCase100
		case 101:
			goto stCase101
		case 102:
			goto stCase102
		case 103:
			goto stCase103
		case 104:
			goto stCase104
		case 105:
			goto stCase105
		case 106:
			goto stCase106
		case 107:
			goto stCase107
		case 108:
			goto stCase108
		case 109:
			goto stCase109
		case 110:
			goto stCase110
		case 111:
			goto stCase111
		case 112:
			goto stCase112
		case 113:
			goto stCase113
		case 114:
			goto stCase114
		case 115:
			goto stCase115
		case 116:
			goto stCase116
		case 117:
			goto stCase117
		case 118:
			goto stCase118
		case 119:
			goto stCase119
		case 120:
			goto stCase120
		case 121:
			goto stCase121
		case 122:
			goto stCase122
		case 123:
			goto stCase123
		case 124:
			goto stCase124
		case 125:
			goto stCase125
		case 126:
			goto stCase126
		case 127:
			goto stCase127
		case 128:
			goto stCase128
		case 129:
			goto stCase129
		case 130:
			goto stCase130
		case 131:
			goto stCase131
		case 132:
			goto stCase132
		case 133:
			goto stCase133
		case 134:
			goto stCase134
		case 135:
			goto stCase135
		case 136:
			goto stCase136
		case 137:
			goto stCase137
		case 138:
			goto stCase138
		case 139:
			goto stCase139
		case 140:
			goto stCase140
		case 141:
			goto stCase141
		case 142:
			goto stCase142
		case 143:
			goto stCase143
		case 144:
			goto stCase144
		case 145:
			goto stCase145
		case 146:
			goto stCase146
		case 147:
			goto stCase147
		case 148:
			goto stCase148
		case 149:
			goto stCase149
		case 150:
			goto stCase150
		case 151:
			goto stCase151
		case 152:
			goto stCase152
		case 153:
			goto stCase153
		case 154:
			goto stCase154
		case 155:
			goto stCase155
		case 156:
			goto stCase156
		case 157:
			goto stCase157
		case 158:
			goto stCase158
		case 159:
			goto stCase159
		case 160:
			goto stCase160
		case 161:
			goto stCase161
		case 162:
			goto stCase162
		case 163:
			goto stCase163
		case 164:
			goto stCase164
		case 165:
			goto stCase165
		case 166:
			goto stCase166
		case 167:
			goto stCase167
		case 168:
			goto stCase168
		case 169:
			goto stCase169
		case 170:
			goto stCase170
		case 171:
			goto stCase171
		case 172:
			goto stCase172
		case 173:
			goto stCase173
		case 174:
			goto stCase174
		case 175:
			goto stCase175
		case 176:
			goto stCase176
		case 177:
			goto stCase177
		case 178:
			goto stCase178
		case 179:
			goto stCase179
		case 180:
			goto stCase180
		case 181:
			goto stCase181
		case 182:
			goto stCase182
		case 183:
			goto stCase183
		case 184:
			goto stCase184
		case 185:
			goto stCase185
		case 186:
			goto stCase186
		case 187:
			goto stCase187
		case 188:
			goto stCase188
		case 189:
			goto stCase189
		case 190:
			goto stCase190
		case 191:
			goto stCase191
		case 192:
			goto stCase192
		case 193:
			goto stCase193
		case 194:
			goto stCase194
		case 195:
			goto stCase195
		case 196:
			goto stCase196
		case 197:
			goto stCase197
		case 198:
			goto stCase198
		case 199:
			goto stCase199
		case 200:
			goto stCase200
		case 201:
			goto stCase201
		case 202:
			goto stCase202
		case 203:
			goto stCase203
		case 204:
			goto stCase204
		case 205:
			goto stCase205
		case 206:
			goto stCase206
		case 207:
			goto stCase207
		case 208:
			goto stCase208
		case 209:
			goto stCase209
		case 210:
			goto stCase210
		case 211:
			goto stCase211
		case 212:
			goto stCase212
		case 213:
			goto stCase213
		case 214:
			goto stCase214
		case 215:
			goto stCase215
		case 216:
			goto stCase216
		case 217:
			goto stCase217
		case 218:
			goto stCase218
		case 219:
			goto stCase219
		case 220:
			goto stCase220
		case 221:
			goto stCase221
		case 222:
			goto stCase222
		case 223:
			goto stCase223
		case 224:
			goto stCase224
		case 225:
			goto stCase225
		case 226:
			goto stCase226
		case 227:
			goto stCase227
		case 228:
			goto stCase228
		case 229:
			goto stCase229
		case 230:
			goto stCase230
		case 231:
			goto stCase231
		case 232:
			goto stCase232
		case 233:
			goto stCase233
		case 234:
			goto stCase234
		case 235:
			goto stCase235
		case 236:
			goto stCase236
		case 237:
			goto stCase237
		case 238:
			goto stCase238
		case 239:
			goto stCase239
		case 240:
			goto stCase240
		case 241:
			goto stCase241
		case 242:
			goto stCase242
		case 243:
			goto stCase243
		case 244:
			goto stCase244
		case 245:
			goto stCase245
		case 246:
			goto stCase246
		case 247:
			goto stCase247
		case 248:
			goto stCase248
		case 249:
			goto stCase249
		case 250:
			goto stCase250
		case 251:
			goto stCase251
		case 252:
			goto stCase252
		case 253:
			goto stCase253
		case 254:
			goto stCase254
		case 255:
			goto stCase255
		case 256:
			goto stCase256
		case 257:
			goto stCase257
		case 258:
			goto stCase258
		case 259:
			goto stCase259
		case 260:
			goto stCase260
		case 261:
			goto stCase261
		case 262:
			goto stCase262
		case 263:
			goto stCase263
		case 264:
			goto stCase264
		case 265:
			goto stCase265
		case 266:
			goto stCase266
		case 267:
			goto stCase267
		case 268:
			goto stCase268
		case 269:
			goto stCase269
		case 270:
			goto stCase270
		case 271:
			goto stCase271
		case 272:
			goto stCase272
		case 273:
			goto stCase273
		case 274:
			goto stCase274
		case 275:
			goto stCase275
		case 276:
			goto stCase276
		case 277:
			goto stCase277
		case 278:
			goto stCase278
		case 279:
			goto stCase279
		case 280:
			goto stCase280
		case 281:
			goto stCase281
		case 282:
			goto stCase282
		case 283:
			goto stCase283
		case 284:
			goto stCase284
		case 285:
			goto stCase285
		case 286:
			goto stCase286
		case 287:
			goto stCase287
		case 288:
			goto stCase288
		case 289:
			goto stCase289
		case 290:
			goto stCase290
		case 291:
			goto stCase291
		case 292:
			goto stCase292
		case 293:
			goto stCase293
		case 294:
			goto stCase294
		case 295:
			goto stCase295
		case 296:
			goto stCase296
		case 297:
			goto stCase297
		case 298:
			goto stCase298
		case 299:
			goto stCase299
		case 300:
			goto stCase300
		case 301:
			goto stCase301
		case 302:
			goto stCase302
		case 303:
			goto stCase303
		case 304:
			goto stCase304
		case 305:
			goto stCase305
		case 306:
			goto stCase306
		case 307:
			goto stCase307
		case 308:
			goto stCase308
		case 309:
			goto stCase309
		case 310:
			goto stCase310
		case 311:
			goto stCase311
		case 312:
			goto stCase312
		case 313:
			goto stCase313
		case 314:
			goto stCase314
		case 315:
			goto stCase315
		case 316:
			goto stCase316
		case 46:
			goto stCase46
		case 317:
			goto stCase317
		case 318:
			goto stCase318
		case 319:
			goto stCase319
		case 320:
			goto stCase320
		case 321:
			goto stCase321
		case 322:
			goto stCase322
		case 323:
			goto stCase323
		case 324:
			goto stCase324
		case 325:
			goto stCase325
		case 326:
			goto stCase326
		case 327:
			goto stCase327
		case 328:
			goto stCase328
		case 329:
			goto stCase329
		case 330:
			goto stCase330
		case 331:
			goto stCase331
		case 332:
			goto stCase332
		case 333:
			goto stCase333
		case 334:
			goto stCase334
		case 335:
			goto stCase335
		case 336:
			goto stCase336
		case 337:
			goto stCase337
		case 338:
			goto stCase338
		case 339:
			goto stCase339
		case 340:
			goto stCase340
		case 341:
			goto stCase341
		case 342:
			goto stCase342
		case 343:
			goto stCase343
		case 344:
			goto stCase344
		case 345:
			goto stCase345
		case 346:
			goto stCase346
		case 347:
			goto stCase347
		case 348:
			goto stCase348
		case 349:
			goto stCase349
		case 350:
			goto stCase350
		case 351:
			goto stCase351
		case 352:
			goto stCase352
		case 353:
			goto stCase353
		case 354:
			goto stCase354
		case 355:
			goto stCase355
		case 356:
			goto stCase356
		case 357:
			goto stCase357
		case 358:
			goto stCase358
		case 359:
			goto stCase359
		case 360:
			goto stCase360
		case 361:
			goto stCase361
		case 362:
			goto stCase362
		case 363:
			goto stCase363
		case 364:
			goto stCase364
		case 47:
			goto stCase47
		case 365:
			goto stCase365
		case 366:
			goto stCase366
		case 367:
			goto stCase367
		case 368:
			goto stCase368
		case 369:
			goto stCase369
		case 370:
			goto stCase370
		case 371:
			goto stCase371
		case 372:
			goto stCase372
		case 373:
			goto stCase373
		case 374:
			goto stCase374
		case 375:
			goto stCase375
		case 376:
			goto stCase376
		case 377:
			goto stCase377
		case 378:
			goto stCase378
		case 379:
			goto stCase379
		case 380:
			goto stCase380
		case 381:
			goto stCase381
		case 382:
			goto stCase382
		case 383:
			goto stCase383
		case 384:
			goto stCase384
		case 385:
			goto stCase385
		case 386:
			goto stCase386
		case 387:
			goto stCase387
		case 388:
			goto stCase388
		case 389:
			goto stCase389
		case 390:
			goto stCase390
		case 391:
			goto stCase391
		case 392:
			goto stCase392
		case 393:
			goto stCase393
		case 394:
			goto stCase394
		case 395:
			goto stCase395
		case 396:
			goto stCase396
		case 397:
			goto stCase397
		case 398:
			goto stCase398
		case 399:
			goto stCase399
		case 400:
			goto stCase400
		case 401:
			goto stCase401
		case 402:
			goto stCase402
		case 403:
			goto stCase403
		case 404:
			goto stCase404
		case 405:
			goto stCase405
		case 406:
			goto stCase406
		case 407:
			goto stCase407
		case 408:
			goto stCase408
		case 409:
			goto stCase409
		case 410:
			goto stCase410
		case 411:
			goto stCase411
		case 412:
			goto stCase412
		case 413:
			goto stCase413
		case 414:
			goto stCase414
		case 415:
			goto stCase415
		case 416:
			goto stCase416
		case 417:
			goto stCase417
		case 418:
			goto stCase418
		case 419:
			goto stCase419
		case 420:
			goto stCase420
		case 421:
			goto stCase421
		case 422:
			goto stCase422
		case 423:
			goto stCase423
		case 424:
			goto stCase424
		case 425:
			goto stCase425
		case 426:
			goto stCase426
		case 427:
			goto stCase427
		case 428:
			goto stCase428
		case 429:
			goto stCase429
		case 430:
			goto stCase430
		case 431:
			goto stCase431
		case 432:
			goto stCase432
		case 433:
			goto stCase433
		case 434:
			goto stCase434
		case 435:
			goto stCase435
		case 436:
			goto stCase436
		case 437:
			goto stCase437
		case 438:
			goto stCase438
		case 439:
			goto stCase439
		case 440:
			goto stCase440
		case 441:
			goto stCase441
		case 442:
			goto stCase442
		case 443:
			goto stCase443
		case 444:
			goto stCase444
		case 445:
			goto stCase445
		case 446:
			goto stCase446
		case 447:
			goto stCase447
		case 448:
			goto stCase448
		case 449:
			goto stCase449
		case 450:
			goto stCase450
		case 451:
			goto stCase451
		case 452:
			goto stCase452
		case 453:
			goto stCase453
		case 454:
			goto stCase454
		case 455:
			goto stCase455
		case 456:
			goto stCase456
		case 457:
			goto stCase457
		case 458:
			goto stCase458
		case 459:
			goto stCase459
		case 460:
			goto stCase460
		case 461:
			goto stCase461
		case 462:
			goto stCase462
		case 463:
			goto stCase463
		case 464:
			goto stCase464
		case 465:
			goto stCase465
		case 466:
			goto stCase466
		case 467:
			goto stCase467
		case 468:
			goto stCase468
		case 469:
			goto stCase469
		case 470:
			goto stCase470
		case 471:
			goto stCase471
		case 472:
			goto stCase472
		case 473:
			goto stCase473
		case 474:
			goto stCase474
		case 475:
			goto stCase475
		case 476:
			goto stCase476
		case 477:
			goto stCase477
		case 478:
			goto stCase478
		case 479:
			goto stCase479
		case 480:
			goto stCase480
		case 481:
			goto stCase481
		case 482:
			goto stCase482
		case 483:
			goto stCase483
		case 484:
			goto stCase484
		case 485:
			goto stCase485
		case 486:
			goto stCase486
		case 487:
			goto stCase487
		case 488:
			goto stCase488
		case 489:
			goto stCase489
		case 490:
			goto stCase490
		case 491:
			goto stCase491
		case 492:
			goto stCase492
		case 48:
			goto stCase48
		case 493:
			goto stCase493
		case 494:
			goto stCase494
		case 495:
			goto stCase495
		case 496:
			goto stCase496
		case 497:
			goto stCase497
		case 498:
			goto stCase498
		case 499:
			goto stCase499
		case 500:
			goto stCase500
		case 501:
			goto stCase501
		case 502:
			goto stCase502
		case 503:
			goto stCase503
		case 504:
			goto stCase504
		case 505:
			goto stCase505
		case 506:
			goto stCase506
		case 507:
			goto stCase507
		case 508:
			goto stCase508
		case 509:
			goto stCase509
		case 510:
			goto stCase510
		case 511:
			goto stCase511
		case 512:
			goto stCase512
		case 513:
			goto stCase513
		case 514:
			goto stCase514
		case 515:
			goto stCase515
		case 516:
			goto stCase516
		case 517:
			goto stCase517
		case 518:
			goto stCase518
		case 519:
			goto stCase519
		case 520:
			goto stCase520
		case 521:
			goto stCase521
		case 522:
			goto stCase522
		case 523:
			goto stCase523
		case 524:
			goto stCase524
		case 49:
			goto stCase49
		case 525:
			goto stCase525
		case 526:
			goto stCase526
		case 527:
			goto stCase527
		case 528:
			goto stCase528
		case 529:
			goto stCase529
		case 530:
			goto stCase530
		case 531:
			goto stCase531
		case 532:
			goto stCase532
		case 533:
			goto stCase533
		case 534:
			goto stCase534
		case 535:
			goto stCase535
		case 536:
			goto stCase536
		case 537:
			goto stCase537
		case 538:
			goto stCase538
		case 539:
			goto stCase539
		case 540:
			goto stCase540
		case 541:
			goto stCase541
		case 542:
			goto stCase542
		case 543:
			goto stCase543
		case 544:
			goto stCase544
		case 545:
			goto stCase545
		case 546:
			goto stCase546
		case 547:
			goto stCase547
		case 548:
			goto stCase548
		case 549:
			goto stCase549
		case 550:
			goto stCase550
		case 551:
			goto stCase551
		case 552:
			goto stCase552
		case 553:
			goto stCase553
		case 554:
			goto stCase554
		case 555:
			goto stCase555
		case 556:
			goto stCase556
		case 50:
			goto stCase50
		case 557:
			goto stCase557
		case 558:
			goto stCase558
		case 559:
			goto stCase559
		case 560:
			goto stCase560
		case 561:
			goto stCase561
		case 562:
			goto stCase562
		case 563:
			goto stCase563
		case 564:
			goto stCase564
		case 565:
			goto stCase565
		case 566:
			goto stCase566
		case 567:
			goto stCase567
		case 568:
			goto stCase568
		case 569:
			goto stCase569
		case 570:
			goto stCase570
		case 571:
			goto stCase571
		case 572:
			goto stCase572
		case 573:
			goto stCase573
		case 574:
			goto stCase574
		case 575:
			goto stCase575
		case 576:
			goto stCase576
		case 577:
			goto stCase577
		case 578:
			goto stCase578
		case 579:
			goto stCase579
		case 580:
			goto stCase580
		case 581:
			goto stCase581
		case 582:
			goto stCase582
		case 583:
			goto stCase583
		case 584:
			goto stCase584
		case 585:
			goto stCase585
		case 586:
			goto stCase586
		case 587:
			goto stCase587
		case 588:
			goto stCase588
		case 589:
			goto stCase589
		case 590:
			goto stCase590
		case 51:
			goto stCase51
		case 52:
			goto stCase52
		case 53:
			goto stCase53
		case 54:
			goto stCase54
		case 55:
			goto stCase55
		case 56:
			goto stCase56
		case 57:
			goto stCase57
		case 58:
			goto stCase58
		}
		goto stOut
	stCase59:
		switch data[p] {
		case 224:
			goto tr52
		case 237:
			goto tr54
		case 240:
			goto tr55
		case 244:
			goto tr57
		}
		switch {
		case data[p] < 225:
			switch {
			case data[p] > 193:
				if 194 <= data[p] && data[p] <= 223 {
					goto tr51
				}
			case data[p] >= 128:
				goto st0
			}
		case data[p] > 239:
			switch {
			case data[p] > 243:
				if 245 <= data[p] {
					goto st0
				}
			case data[p] >= 241:
				goto tr56
			}
		default:
			goto tr53
		}
		goto tr50
	tr50:

		pb = p

		goto st60
	st60:
		if p++; p == pe {
			goto _testEof60
		}
	stCase60:
		switch data[p] {
		case 224:
			goto st2
		case 237:
			goto st4
		case 240:
			goto st5
		case 244:
			goto st7
		}
		switch {
		case data[p] < 225:
			switch {
			case data[p] > 193:
				if 194 <= data[p] && data[p] <= 223 {
					goto st1
				}
			case data[p] >= 128:
				goto st0
			}
		case data[p] > 239:
			switch {
			case data[p] > 243:
				if 245 <= data[p] {
					goto st0
				}
			case data[p] >= 241:
				goto st6
			}
		default:
			goto st3
		}
		goto st60
	stCase0:
	st0:
		cs = 0
		goto _out
	tr51:

		pb = p

		goto st1
	st1:
		if p++; p == pe {
			goto _testEof1
		}
	stCase1:
		if 128 <= data[p] && data[p] <= 191 {
			goto st60
		}
		goto st0
	tr52:

		pb = p

		goto st2
	st2:
		if p++; p == pe {
			goto _testEof2
		}
	stCase2:
		if 160 <= data[p] && data[p] <= 191 {
			goto st1
		}
		goto st0
	tr53:

		pb = p

		goto st3
	st3:
		if p++; p == pe {
			goto _testEof3
		}
	stCase3:
		if 128 <= data[p] && data[p] <= 191 {
			goto st1
		}
		goto st0
	tr54:

		pb = p

		goto st4
	st4:
		if p++; p == pe {
			goto _testEof4
		}
	stCase4:
		if 128 <= data[p] && data[p] <= 159 {
			goto st1
		}
		goto st0
	tr55:

		pb = p

		goto st5
	st5:
		if p++; p == pe {
			goto _testEof5
		}
	stCase5:
		if 144 <= data[p] && data[p] <= 191 {
			goto st3
		}
		goto st0
	tr56:

		pb = p

		goto st6
	st6:
		if p++; p == pe {
			goto _testEof6
		}
	stCase6:
		if 128 <= data[p] && data[p] <= 191 {
			goto st3
		}
		goto st0
	tr57:

		pb = p

		goto st7
	st7:
		if p++; p == pe {
			goto _testEof7
		}
	stCase7:
		if 128 <= data[p] && data[p] <= 143 {
			goto st3
		}
		goto st0
	stCase8:
		if 48 <= data[p] && data[p] <= 57 {
			goto tr4
		}
		goto st0
	tr4:

		pb = p

		goto st9
	st9:
		if p++; p == pe {
			goto _testEof9
		}
	stCase9:
		if 48 <= data[p] && data[p] <= 57 {
			goto st10
		}
		goto st0
	st10:
		if p++; p == pe {
			goto _testEof10
		}
	stCase10:
		if 48 <= data[p] && data[p] <= 57 {
			goto st11
		}
		goto st0
	st11:
		if p++; p == pe {
			goto _testEof11
		}
	stCase11:
		if 48 <= data[p] && data[p] <= 57 {
			goto st12
		}
		goto st0
	st12:
		if p++; p == pe {
			goto _testEof12
		}
	stCase12:
		if data[p] == 45 {
			goto st13
		}
		goto st0
	st13:
		if p++; p == pe {
			goto _testEof13
		}
	stCase13:
		switch data[p] {
		case 48:
			goto st14
		case 49:
			goto st44
		}
		goto st0
	st14:
		if p++; p == pe {
			goto _testEof14
		}
	stCase14:
		if 49 <= data[p] && data[p] <= 57 {
			goto st15
		}
		goto st0
	st15:
		if p++; p == pe {
			goto _testEof15
		}
	stCase15:
		if data[p] == 45 {
			goto st16
		}
		goto st0
	st16:
		if p++; p == pe {
			goto _testEof16
		}
	stCase16:
		switch data[p] {
		case 48:
			goto st17
		case 51:
			goto st43
		}
		if 49 <= data[p] && data[p] <= 50 {
			goto st42
		}
		goto st0
	st17:
		if p++; p == pe {
			goto _testEof17
		}
	stCase17:
		if 49 <= data[p] && data[p] <= 57 {
			goto st18
		}
		goto st0
	st18:
		if p++; p == pe {
			goto _testEof18
		}
	stCase18:
		if data[p] == 84 {
			goto st19
		}
		goto st0
	st19:
		if p++; p == pe {
			goto _testEof19
		}
	stCase19:
		if data[p] == 50 {
			goto st41
		}
		if 48 <= data[p] && data[p] <= 49 {
			goto st20
		}
		goto st0
	st20:
		if p++; p == pe {
			goto _testEof20
		}
	stCase20:
		if 48 <= data[p] && data[p] <= 57 {
			goto st21
		}
		goto st0
	st21:
		if p++; p == pe {
			goto _testEof21
		}
	stCase21:
		if data[p] == 58 {
			goto st22
		}
		goto st0
	st22:
		if p++; p == pe {
			goto _testEof22
		}
	stCase22:
		if 48 <= data[p] && data[p] <= 53 {
			goto st23
		}
		goto st0
	st23:
		if p++; p == pe {
			goto _testEof23
		}
	stCase23:
		if 48 <= data[p] && data[p] <= 57 {
			goto st24
		}
		goto st0
	st24:
		if p++; p == pe {
			goto _testEof24
		}
	stCase24:
		if data[p] == 58 {
			goto st25
		}
		goto st0
	st25:
		if p++; p == pe {
			goto _testEof25
		}
	stCase25:
		if 48 <= data[p] && data[p] <= 53 {
			goto st26
		}
		goto st0
	st26:
		if p++; p == pe {
			goto _testEof26
		}
	stCase26:
		if 48 <= data[p] && data[p] <= 57 {
			goto st27
		}
		goto st0
	st27:
		if p++; p == pe {
			goto _testEof27
		}
	stCase27:
		switch data[p] {
		case 43:
			goto st28
		case 45:
			goto st28
		case 46:
			goto st34
		case 90:
			goto st61
		}
		goto st0
	st28:
		if p++; p == pe {
			goto _testEof28
		}
	stCase28:
		if data[p] == 50 {
			goto st33
		}
		if 48 <= data[p] && data[p] <= 49 {
			goto st29
		}
		goto st0
	st29:
		if p++; p == pe {
			goto _testEof29
		}
	stCase29:
		if 48 <= data[p] && data[p] <= 57 {
			goto st30
		}
		goto st0
	st30:
		if p++; p == pe {
			goto _testEof30
		}
	stCase30:
		if data[p] == 58 {
			goto st31
		}
		goto st0
	st31:
		if p++; p == pe {
			goto _testEof31
		}
	stCase31:
		if 48 <= data[p] && data[p] <= 53 {
			goto st32
		}
		goto st0
	st32:
		if p++; p == pe {
			goto _testEof32
		}
	stCase32:
		if 48 <= data[p] && data[p] <= 57 {
			goto st61
		}
		goto st0
	st61:
		if p++; p == pe {
			goto _testEof61
		}
	stCase61:
		goto st0
	st33:
		if p++; p == pe {
			goto _testEof33
		}
	stCase33:
		if 48 <= data[p] && data[p] <= 51 {
			goto st30
		}
		goto st0
	st34:
		if p++; p == pe {
			goto _testEof34
		}
	stCase34:
		if 48 <= data[p] && data[p] <= 57 {
			goto st35
		}
		goto st0
	st35:
		if p++; p == pe {
			goto _testEof35
		}
	stCase35:
		switch data[p] {
		case 43:
			goto st28
		case 45:
			goto st28
		case 90:
			goto st61
		}
		if 48 <= data[p] && data[p] <= 57 {
			goto st36
		}
		goto st0
	st36:
		if p++; p == pe {
			goto _testEof36
		}
	stCase36:
		switch data[p] {
		case 43:
			goto st28
		case 45:
			goto st28
		case 90:
			goto st61
		}
		if 48 <= data[p] && data[p] <= 57 {
			goto st37
		}
		goto st0
	st37:
		if p++; p == pe {
			goto _testEof37
		}
	stCase37:
		switch data[p] {
		case 43:
			goto st28
		case 45:
			goto st28
		case 90:
			goto st61
		}
		if 48 <= data[p] && data[p] <= 57 {
			goto st38
		}
		goto st0
	st38:
		if p++; p == pe {
			goto _testEof38
		}
	stCase38:
		switch data[p] {
		case 43:
			goto st28
		case 45:
			goto st28
		case 90:
			goto st61
		}
		if 48 <= data[p] && data[p] <= 57 {
			goto st39
		}
		goto st0
	st39:
		if p++; p == pe {
			goto _testEof39
		}
	stCase39:
		switch data[p] {
		case 43:
			goto st28
		case 45:
			goto st28
		case 90:
			goto st61
		}
		if 48 <= data[p] && data[p] <= 57 {
			goto st40
		}
		goto st0
	st40:
		if p++; p == pe {
			goto _testEof40
		}
	stCase40:
		switch data[p] {
		case 43:
			goto st28
		case 45:
			goto st28
		case 90:
			goto st61
		}
		goto st0
	st41:
		if p++; p == pe {
			goto _testEof41
		}
	stCase41:
		if 48 <= data[p] && data[p] <= 51 {
			goto st21
		}
		goto st0
	st42:
		if p++; p == pe {
			goto _testEof42
		}
	stCase42:
		if 48 <= data[p] && data[p] <= 57 {
			goto st18
		}
		goto st0
	st43:
		if p++; p == pe {
			goto _testEof43
		}
	stCase43:
		if 48 <= data[p] && data[p] <= 49 {
			goto st18
		}
		goto st0
	st44:
		if p++; p == pe {
			goto _testEof44
		}
	stCase44:
		if 48 <= data[p] && data[p] <= 50 {
			goto st15
		}
		goto st0
	stCase45:
		if 33 <= data[p] && data[p] <= 126 {
			goto tr41
		}
		goto st0
	tr41:

		pb = p

		goto st62
	st62:
		if p++; p == pe {
			goto _testEof62
		}
	stCase62:
		if 33 <= data[p] && data[p] <= 126 {
			goto st63
		}
		goto st0
	st63:
		if p++; p == pe {
			goto _testEof63
		}
	stCase63:
		if 33 <= data[p] && data[p] <= 126 {
			goto st64
		}
		goto st0
	st64:
		if p++; p == pe {
			goto _testEof64
		}
	stCase64:
		if 33 <= data[p] && data[p] <= 126 {
			goto st65
		}
		goto st0
	st65:
		if p++; p == pe {
			goto _testEof65
		}
	stCase65:
		if 33 <= data[p] && data[p] <= 126 {
			goto st66
		}
		goto st0
	st66:
		if p++; p == pe {
			goto _testEof66
		}
	stCase66:
		if 33 <= data[p] && data[p] <= 126 {
			goto st67
		}
		goto st0
	st67:
		if p++; p == pe {
			goto _testEof67
		}
	stCase67:
		if 33 <= data[p] && data[p] <= 126 {
			goto st68
		}
		goto st0
	st68:
		if p++; p == pe {
			goto _testEof68
		}
	stCase68:
		if 33 <= data[p] && data[p] <= 126 {
			goto st69
		}
		goto st0
	st69:
		if p++; p == pe {
			goto _testEof69
		}
	stCase69:
		if 33 <= data[p] && data[p] <= 126 {
			goto st70
		}
		goto st0
	st70:
		if p++; p == pe {
			goto _testEof70
		}
	stCase70:
		if 33 <= data[p] && data[p] <= 126 {
			goto st71
		}
		goto st0
	st71:
		if p++; p == pe {
			goto _testEof71
		}
	stCase71:
		if 33 <= data[p] && data[p] <= 126 {
			goto st72
		}
		goto st0
	st72:
		if p++; p == pe {
			goto _testEof72
		}
	stCase72:
		if 33 <= data[p] && data[p] <= 126 {
			goto st73
		}
		goto st0
	st73:
		if p++; p == pe {
			goto _testEof73
		}
	stCase73:
		if 33 <= data[p] && data[p] <= 126 {
			goto st74
		}
		goto st0
	st74:
		if p++; p == pe {
			goto _testEof74
		}
	stCase74:
		if 33 <= data[p] && data[p] <= 126 {
			goto st75
		}
		goto st0
	st75:
		if p++; p == pe {
			goto _testEof75
		}
	stCase75:
		if 33 <= data[p] && data[p] <= 126 {
			goto st76
		}
		goto st0
	st76:
		if p++; p == pe {
			goto _testEof76
		}
	stCase76:
		if 33 <= data[p] && data[p] <= 126 {
			goto st77
		}
		goto st0
	st77:
		if p++; p == pe {
			goto _testEof77
		}
	stCase77:
		if 33 <= data[p] && data[p] <= 126 {
			goto st78
		}
		goto st0
	st78:
		if p++; p == pe {
			goto _testEof78
		}
	stCase78:
		if 33 <= data[p] && data[p] <= 126 {
			goto st79
		}
		goto st0
	st79:
		if p++; p == pe {
			goto _testEof79
		}
	stCase79:
		if 33 <= data[p] && data[p] <= 126 {
			goto st80
		}
		goto st0
	st80:
		if p++; p == pe {
			goto _testEof80
		}
	stCase80:
		if 33 <= data[p] && data[p] <= 126 {
			goto st81
		}
		goto st0
	st81:
		if p++; p == pe {
			goto _testEof81
		}
	stCase81:
		if 33 <= data[p] && data[p] <= 126 {
			goto st82
		}
		goto st0
	st82:
		if p++; p == pe {
			goto _testEof82
		}
	stCase82:
		if 33 <= data[p] && data[p] <= 126 {
			goto st83
		}
		goto st0
	st83:
		if p++; p == pe {
			goto _testEof83
		}
	stCase83:
		if 33 <= data[p] && data[p] <= 126 {
			goto st84
		}
		goto st0
	st84:
		if p++; p == pe {
			goto _testEof84
		}
	stCase84:
		if 33 <= data[p] && data[p] <= 126 {
			goto st85
		}
		goto st0
	st85:
		if p++; p == pe {
			goto _testEof85
		}
	stCase85:
		if 33 <= data[p] && data[p] <= 126 {
			goto st86
		}
		goto st0
	st86:
		if p++; p == pe {
			goto _testEof86
		}
	stCase86:
		if 33 <= data[p] && data[p] <= 126 {
			goto st87
		}
		goto st0
	st87:
		if p++; p == pe {
			goto _testEof87
		}
	stCase87:
		if 33 <= data[p] && data[p] <= 126 {
			goto st88
		}
		goto st0
	st88:
		if p++; p == pe {
			goto _testEof88
		}
	stCase88:
		if 33 <= data[p] && data[p] <= 126 {
			goto st89
		}
		goto st0
	st89:
		if p++; p == pe {
			goto _testEof89
		}
	stCase89:
		if 33 <= data[p] && data[p] <= 126 {
			goto st90
		}
		goto st0
	st90:
		if p++; p == pe {
			goto _testEof90
		}
	stCase90:
		if 33 <= data[p] && data[p] <= 126 {
			goto st91
		}
		goto st0
	st91:
		if p++; p == pe {
			goto _testEof91
		}
	stCase91:
		if 33 <= data[p] && data[p] <= 126 {
			goto st92
		}
		goto st0
	st92:
		if p++; p == pe {
			goto _testEof92
		}
	stCase92:
		if 33 <= data[p] && data[p] <= 126 {
			goto st93
		}
		goto st0
	st93:
		if p++; p == pe {
			goto _testEof93
		}
	stCase93:
		if 33 <= data[p] && data[p] <= 126 {
			goto st94
		}
		goto st0
	st94:
		if p++; p == pe {
			goto _testEof94
		}
	stCase94:
		if 33 <= data[p] && data[p] <= 126 {
			goto st95
		}
		goto st0
	st95:
		if p++; p == pe {
			goto _testEof95
		}
	stCase95:
		if 33 <= data[p] && data[p] <= 126 {
			goto st96
		}
		goto st0
	st96:
		if p++; p == pe {
			goto _testEof96
		}
	stCase96:
		if 33 <= data[p] && data[p] <= 126 {
			goto st97
		}
		goto st0
	st97:
		if p++; p == pe {
			goto _testEof97
		}
	stCase97:
		if 33 <= data[p] && data[p] <= 126 {
			goto st98
		}
		goto st0
	st98:
		if p++; p == pe {
			goto _testEof98
		}
	stCase98:
		if 33 <= data[p] && data[p] <= 126 {
			goto st99
		}
		goto st0
	st99:
		if p++; p == pe {
			goto _testEof99
		}
	stCase99:
		if 33 <= data[p] && data[p] <= 126 {
			goto st100
		}
		goto st0
	st100:
		if p++; p == pe {
			goto _testEof100
		}
	stCase100:
		if 33 <= data[p] && data[p] <= 126 {
			goto st101
		}
		goto st0
	st101:
		if p++; p == pe {
			goto _testEof101
		}
	stCase101:
		if 33 <= data[p] && data[p] <= 126 {
			goto st102
		}
		goto st0
	st102:
		if p++; p == pe {
			goto _testEof102
		}
	stCase102:
		if 33 <= data[p] && data[p] <= 126 {
			goto st103
		}
		goto st0
	st103:
		if p++; p == pe {
			goto _testEof103
		}
	stCase103:
		if 33 <= data[p] && data[p] <= 126 {
			goto st104
		}
		goto st0
	st104:
		if p++; p == pe {
			goto _testEof104
		}
	stCase104:
		if 33 <= data[p] && data[p] <= 126 {
			goto st105
		}
		goto st0
	st105:
		if p++; p == pe {
			goto _testEof105
		}
	stCase105:
		if 33 <= data[p] && data[p] <= 126 {
			goto st106
		}
		goto st0
	st106:
		if p++; p == pe {
			goto _testEof106
		}
	stCase106:
		if 33 <= data[p] && data[p] <= 126 {
			goto st107
		}
		goto st0
	st107:
		if p++; p == pe {
			goto _testEof107
		}
	stCase107:
		if 33 <= data[p] && data[p] <= 126 {
			goto st108
		}
		goto st0
	st108:
		if p++; p == pe {
			goto _testEof108
		}
	stCase108:
		if 33 <= data[p] && data[p] <= 126 {
			goto st109
		}
		goto st0
	st109:
		if p++; p == pe {
			goto _testEof109
		}
	stCase109:
		if 33 <= data[p] && data[p] <= 126 {
			goto st110
		}
		goto st0
	st110:
		if p++; p == pe {
			goto _testEof110
		}
	stCase110:
		if 33 <= data[p] && data[p] <= 126 {
			goto st111
		}
		goto st0
	st111:
		if p++; p == pe {
			goto _testEof111
		}
	stCase111:
		if 33 <= data[p] && data[p] <= 126 {
			goto st112
		}
		goto st0
	st112:
		if p++; p == pe {
			goto _testEof112
		}
	stCase112:
		if 33 <= data[p] && data[p] <= 126 {
			goto st113
		}
		goto st0
	st113:
		if p++; p == pe {
			goto _testEof113
		}
	stCase113:
		if 33 <= data[p] && data[p] <= 126 {
			goto st114
		}
		goto st0
	st114:
		if p++; p == pe {
			goto _testEof114
		}
	stCase114:
		if 33 <= data[p] && data[p] <= 126 {
			goto st115
		}
		goto st0
	st115:
		if p++; p == pe {
			goto _testEof115
		}
	stCase115:
		if 33 <= data[p] && data[p] <= 126 {
			goto st116
		}
		goto st0
	st116:
		if p++; p == pe {
			goto _testEof116
		}
	stCase116:
		if 33 <= data[p] && data[p] <= 126 {
			goto st117
		}
		goto st0
	st117:
		if p++; p == pe {
			goto _testEof117
		}
	stCase117:
		if 33 <= data[p] && data[p] <= 126 {
			goto st118
		}
		goto st0
	st118:
		if p++; p == pe {
			goto _testEof118
		}
	stCase118:
		if 33 <= data[p] && data[p] <= 126 {
			goto st119
		}
		goto st0
	st119:
		if p++; p == pe {
			goto _testEof119
		}
	stCase119:
		if 33 <= data[p] && data[p] <= 126 {
			goto st120
		}
		goto st0
	st120:
		if p++; p == pe {
			goto _testEof120
		}
	stCase120:
		if 33 <= data[p] && data[p] <= 126 {
			goto st121
		}
		goto st0
	st121:
		if p++; p == pe {
			goto _testEof121
		}
	stCase121:
		if 33 <= data[p] && data[p] <= 126 {
			goto st122
		}
		goto st0
	st122:
		if p++; p == pe {
			goto _testEof122
		}
	stCase122:
		if 33 <= data[p] && data[p] <= 126 {
			goto st123
		}
		goto st0
	st123:
		if p++; p == pe {
			goto _testEof123
		}
	stCase123:
		if 33 <= data[p] && data[p] <= 126 {
			goto st124
		}
		goto st0
	st124:
		if p++; p == pe {
			goto _testEof124
		}
	stCase124:
		if 33 <= data[p] && data[p] <= 126 {
			goto st125
		}
		goto st0
	st125:
		if p++; p == pe {
			goto _testEof125
		}
	stCase125:
		if 33 <= data[p] && data[p] <= 126 {
			goto st126
		}
		goto st0
	st126:
		if p++; p == pe {
			goto _testEof126
		}
	stCase126:
		if 33 <= data[p] && data[p] <= 126 {
			goto st127
		}
		goto st0
	st127:
		if p++; p == pe {
			goto _testEof127
		}
	stCase127:
		if 33 <= data[p] && data[p] <= 126 {
			goto st128
		}
		goto st0
	st128:
		if p++; p == pe {
			goto _testEof128
		}
	stCase128:
		if 33 <= data[p] && data[p] <= 126 {
			goto st129
		}
		goto st0
	st129:
		if p++; p == pe {
			goto _testEof129
		}
	stCase129:
		if 33 <= data[p] && data[p] <= 126 {
			goto st130
		}
		goto st0
	st130:
		if p++; p == pe {
			goto _testEof130
		}
	stCase130:
		if 33 <= data[p] && data[p] <= 126 {
			goto st131
		}
		goto st0
	st131:
		if p++; p == pe {
			goto _testEof131
		}
	stCase131:
		if 33 <= data[p] && data[p] <= 126 {
			goto st132
		}
		goto st0
	st132:
		if p++; p == pe {
			goto _testEof132
		}
	stCase132:
		if 33 <= data[p] && data[p] <= 126 {
			goto st133
		}
		goto st0
	st133:
		if p++; p == pe {
			goto _testEof133
		}
	stCase133:
		if 33 <= data[p] && data[p] <= 126 {
			goto st134
		}
		goto st0
	st134:
		if p++; p == pe {
			goto _testEof134
		}
	stCase134:
		if 33 <= data[p] && data[p] <= 126 {
			goto st135
		}
		goto st0
	st135:
		if p++; p == pe {
			goto _testEof135
		}
	stCase135:
		if 33 <= data[p] && data[p] <= 126 {
			goto st136
		}
		goto st0
	st136:
		if p++; p == pe {
			goto _testEof136
		}
	stCase136:
		if 33 <= data[p] && data[p] <= 126 {
			goto st137
		}
		goto st0
	st137:
		if p++; p == pe {
			goto _testEof137
		}
	stCase137:
		if 33 <= data[p] && data[p] <= 126 {
			goto st138
		}
		goto st0
	st138:
		if p++; p == pe {
			goto _testEof138
		}
	stCase138:
		if 33 <= data[p] && data[p] <= 126 {
			goto st139
		}
		goto st0
	st139:
		if p++; p == pe {
			goto _testEof139
		}
	stCase139:
		if 33 <= data[p] && data[p] <= 126 {
			goto st140
		}
		goto st0
	st140:
		if p++; p == pe {
			goto _testEof140
		}
	stCase140:
		if 33 <= data[p] && data[p] <= 126 {
			goto st141
		}
		goto st0
	st141:
		if p++; p == pe {
			goto _testEof141
		}
	stCase141:
		if 33 <= data[p] && data[p] <= 126 {
			goto st142
		}
		goto st0
	st142:
		if p++; p == pe {
			goto _testEof142
		}
	stCase142:
		if 33 <= data[p] && data[p] <= 126 {
			goto st143
		}
		goto st0
	st143:
		if p++; p == pe {
			goto _testEof143
		}
	stCase143:
		if 33 <= data[p] && data[p] <= 126 {
			goto st144
		}
		goto st0
	st144:
		if p++; p == pe {
			goto _testEof144
		}
	stCase144:
		if 33 <= data[p] && data[p] <= 126 {
			goto st145
		}
		goto st0
	st145:
		if p++; p == pe {
			goto _testEof145
		}
	stCase145:
		if 33 <= data[p] && data[p] <= 126 {
			goto st146
		}
		goto st0
	st146:
		if p++; p == pe {
			goto _testEof146
		}
	stCase146:
		if 33 <= data[p] && data[p] <= 126 {
			goto st147
		}
		goto st0
	st147:
		if p++; p == pe {
			goto _testEof147
		}
	stCase147:
		if 33 <= data[p] && data[p] <= 126 {
			goto st148
		}
		goto st0
	st148:
		if p++; p == pe {
			goto _testEof148
		}
	stCase148:
		if 33 <= data[p] && data[p] <= 126 {
			goto st149
		}
		goto st0
	st149:
		if p++; p == pe {
			goto _testEof149
		}
	stCase149:
		if 33 <= data[p] && data[p] <= 126 {
			goto st150
		}
		goto st0
	st150:
		if p++; p == pe {
			goto _testEof150
		}
	stCase150:
		if 33 <= data[p] && data[p] <= 126 {
			goto st151
		}
		goto st0
	st151:
		if p++; p == pe {
			goto _testEof151
		}
	stCase151:
		if 33 <= data[p] && data[p] <= 126 {
			goto st152
		}
		goto st0
	st152:
		if p++; p == pe {
			goto _testEof152
		}
	stCase152:
		if 33 <= data[p] && data[p] <= 126 {
			goto st153
		}
		goto st0
	st153:
		if p++; p == pe {
			goto _testEof153
		}
	stCase153:
		if 33 <= data[p] && data[p] <= 126 {
			goto st154
		}
		goto st0
	st154:
		if p++; p == pe {
			goto _testEof154
		}
	stCase154:
		if 33 <= data[p] && data[p] <= 126 {
			goto st155
		}
		goto st0
	st155:
		if p++; p == pe {
			goto _testEof155
		}
	stCase155:
		if 33 <= data[p] && data[p] <= 126 {
			goto st156
		}
		goto st0
	st156:
		if p++; p == pe {
			goto _testEof156
		}
	stCase156:
		if 33 <= data[p] && data[p] <= 126 {
			goto st157
		}
		goto st0
	st157:
		if p++; p == pe {
			goto _testEof157
		}
	stCase157:
		if 33 <= data[p] && data[p] <= 126 {
			goto st158
		}
		goto st0
	st158:
		if p++; p == pe {
			goto _testEof158
		}
	stCase158:
		if 33 <= data[p] && data[p] <= 126 {
			goto st159
		}
		goto st0
	st159:
		if p++; p == pe {
			goto _testEof159
		}
	stCase159:
		if 33 <= data[p] && data[p] <= 126 {
			goto st160
		}
		goto st0
	st160:
		if p++; p == pe {
			goto _testEof160
		}
	stCase160:
		if 33 <= data[p] && data[p] <= 126 {
			goto st161
		}
		goto st0
	st161:
		if p++; p == pe {
			goto _testEof161
		}
	stCase161:
		if 33 <= data[p] && data[p] <= 126 {
			goto st162
		}
		goto st0
	st162:
		if p++; p == pe {
			goto _testEof162
		}
	stCase162:
		if 33 <= data[p] && data[p] <= 126 {
			goto st163
		}
		goto st0
	st163:
		if p++; p == pe {
			goto _testEof163
		}
	stCase163:
		if 33 <= data[p] && data[p] <= 126 {
			goto st164
		}
		goto st0
	st164:
		if p++; p == pe {
			goto _testEof164
		}
	stCase164:
		if 33 <= data[p] && data[p] <= 126 {
			goto st165
		}
		goto st0
	st165:
		if p++; p == pe {
			goto _testEof165
		}
	stCase165:
		if 33 <= data[p] && data[p] <= 126 {
			goto st166
		}
		goto st0
	st166:
		if p++; p == pe {
			goto _testEof166
		}
	stCase166:
		if 33 <= data[p] && data[p] <= 126 {
			goto st167
		}
		goto st0
	st167:
		if p++; p == pe {
			goto _testEof167
		}
	stCase167:
		if 33 <= data[p] && data[p] <= 126 {
			goto st168
		}
		goto st0
	st168:
		if p++; p == pe {
			goto _testEof168
		}
	stCase168:
		if 33 <= data[p] && data[p] <= 126 {
			goto st169
		}
		goto st0
	st169:
		if p++; p == pe {
			goto _testEof169
		}
	stCase169:
		if 33 <= data[p] && data[p] <= 126 {
			goto st170
		}
		goto st0
	st170:
		if p++; p == pe {
			goto _testEof170
		}
	stCase170:
		if 33 <= data[p] && data[p] <= 126 {
			goto st171
		}
		goto st0
	st171:
		if p++; p == pe {
			goto _testEof171
		}
	stCase171:
		if 33 <= data[p] && data[p] <= 126 {
			goto st172
		}
		goto st0
	st172:
		if p++; p == pe {
			goto _testEof172
		}
	stCase172:
		if 33 <= data[p] && data[p] <= 126 {
			goto st173
		}
		goto st0
	st173:
		if p++; p == pe {
			goto _testEof173
		}
	stCase173:
		if 33 <= data[p] && data[p] <= 126 {
			goto st174
		}
		goto st0
	st174:
		if p++; p == pe {
			goto _testEof174
		}
	stCase174:
		if 33 <= data[p] && data[p] <= 126 {
			goto st175
		}
		goto st0
	st175:
		if p++; p == pe {
			goto _testEof175
		}
	stCase175:
		if 33 <= data[p] && data[p] <= 126 {
			goto st176
		}
		goto st0
	st176:
		if p++; p == pe {
			goto _testEof176
		}
	stCase176:
		if 33 <= data[p] && data[p] <= 126 {
			goto st177
		}
		goto st0
	st177:
		if p++; p == pe {
			goto _testEof177
		}
	stCase177:
		if 33 <= data[p] && data[p] <= 126 {
			goto st178
		}
		goto st0
	st178:
		if p++; p == pe {
			goto _testEof178
		}
	stCase178:
		if 33 <= data[p] && data[p] <= 126 {
			goto st179
		}
		goto st0
	st179:
		if p++; p == pe {
			goto _testEof179
		}
	stCase179:
		if 33 <= data[p] && data[p] <= 126 {
			goto st180
		}
		goto st0
	st180:
		if p++; p == pe {
			goto _testEof180
		}
	stCase180:
		if 33 <= data[p] && data[p] <= 126 {
			goto st181
		}
		goto st0
	st181:
		if p++; p == pe {
			goto _testEof181
		}
	stCase181:
		if 33 <= data[p] && data[p] <= 126 {
			goto st182
		}
		goto st0
	st182:
		if p++; p == pe {
			goto _testEof182
		}
	stCase182:
		if 33 <= data[p] && data[p] <= 126 {
			goto st183
		}
		goto st0
	st183:
		if p++; p == pe {
			goto _testEof183
		}
	stCase183:
		if 33 <= data[p] && data[p] <= 126 {
			goto st184
		}
		goto st0
	st184:
		if p++; p == pe {
			goto _testEof184
		}
	stCase184:
		if 33 <= data[p] && data[p] <= 126 {
			goto st185
		}
		goto st0
	st185:
		if p++; p == pe {
			goto _testEof185
		}
	stCase185:
		if 33 <= data[p] && data[p] <= 126 {
			goto st186
		}
		goto st0
	st186:
		if p++; p == pe {
			goto _testEof186
		}
	stCase186:
		if 33 <= data[p] && data[p] <= 126 {
			goto st187
		}
		goto st0
	st187:
		if p++; p == pe {
			goto _testEof187
		}
	stCase187:
		if 33 <= data[p] && data[p] <= 126 {
			goto st188
		}
		goto st0
	st188:
		if p++; p == pe {
			goto _testEof188
		}
	stCase188:
		if 33 <= data[p] && data[p] <= 126 {
			goto st189
		}
		goto st0
	st189:
		if p++; p == pe {
			goto _testEof189
		}
	stCase189:
		if 33 <= data[p] && data[p] <= 126 {
			goto st190
		}
		goto st0
	st190:
		if p++; p == pe {
			goto _testEof190
		}
	stCase190:
		if 33 <= data[p] && data[p] <= 126 {
			goto st191
		}
		goto st0
	st191:
		if p++; p == pe {
			goto _testEof191
		}
	stCase191:
		if 33 <= data[p] && data[p] <= 126 {
			goto st192
		}
		goto st0
	st192:
		if p++; p == pe {
			goto _testEof192
		}
	stCase192:
		if 33 <= data[p] && data[p] <= 126 {
			goto st193
		}
		goto st0
	st193:
		if p++; p == pe {
			goto _testEof193
		}
	stCase193:
		if 33 <= data[p] && data[p] <= 126 {
			goto st194
		}
		goto st0
	st194:
		if p++; p == pe {
			goto _testEof194
		}
	stCase194:
		if 33 <= data[p] && data[p] <= 126 {
			goto st195
		}
		goto st0
	st195:
		if p++; p == pe {
			goto _testEof195
		}
	stCase195:
		if 33 <= data[p] && data[p] <= 126 {
			goto st196
		}
		goto st0
	st196:
		if p++; p == pe {
			goto _testEof196
		}
	stCase196:
		if 33 <= data[p] && data[p] <= 126 {
			goto st197
		}
		goto st0
	st197:
		if p++; p == pe {
			goto _testEof197
		}
	stCase197:
		if 33 <= data[p] && data[p] <= 126 {
			goto st198
		}
		goto st0
	st198:
		if p++; p == pe {
			goto _testEof198
		}
	stCase198:
		if 33 <= data[p] && data[p] <= 126 {
			goto st199
		}
		goto st0
	st199:
		if p++; p == pe {
			goto _testEof199
		}
	stCase199:
		if 33 <= data[p] && data[p] <= 126 {
			goto st200
		}
		goto st0
	st200:
		if p++; p == pe {
			goto _testEof200
		}
	stCase200:
		if 33 <= data[p] && data[p] <= 126 {
			goto st201
		}
		goto st0
	st201:
		if p++; p == pe {
			goto _testEof201
		}
	stCase201:
		if 33 <= data[p] && data[p] <= 126 {
			goto st202
		}
		goto st0
	st202:
		if p++; p == pe {
			goto _testEof202
		}
	stCase202:
		if 33 <= data[p] && data[p] <= 126 {
			goto st203
		}
		goto st0
	st203:
		if p++; p == pe {
			goto _testEof203
		}
	stCase203:
		if 33 <= data[p] && data[p] <= 126 {
			goto st204
		}
		goto st0
	st204:
		if p++; p == pe {
			goto _testEof204
		}
	stCase204:
		if 33 <= data[p] && data[p] <= 126 {
			goto st205
		}
		goto st0
	st205:
		if p++; p == pe {
			goto _testEof205
		}
	stCase205:
		if 33 <= data[p] && data[p] <= 126 {
			goto st206
		}
		goto st0
	st206:
		if p++; p == pe {
			goto _testEof206
		}
	stCase206:
		if 33 <= data[p] && data[p] <= 126 {
			goto st207
		}
		goto st0
	st207:
		if p++; p == pe {
			goto _testEof207
		}
	stCase207:
		if 33 <= data[p] && data[p] <= 126 {
			goto st208
		}
		goto st0
	st208:
		if p++; p == pe {
			goto _testEof208
		}
	stCase208:
		if 33 <= data[p] && data[p] <= 126 {
			goto st209
		}
		goto st0
	st209:
		if p++; p == pe {
			goto _testEof209
		}
	stCase209:
		if 33 <= data[p] && data[p] <= 126 {
			goto st210
		}
		goto st0
	st210:
		if p++; p == pe {
			goto _testEof210
		}
	stCase210:
		if 33 <= data[p] && data[p] <= 126 {
			goto st211
		}
		goto st0
	st211:
		if p++; p == pe {
			goto _testEof211
		}
	stCase211:
		if 33 <= data[p] && data[p] <= 126 {
			goto st212
		}
		goto st0
	st212:
		if p++; p == pe {
			goto _testEof212
		}
	stCase212:
		if 33 <= data[p] && data[p] <= 126 {
			goto st213
		}
		goto st0
	st213:
		if p++; p == pe {
			goto _testEof213
		}
	stCase213:
		if 33 <= data[p] && data[p] <= 126 {
			goto st214
		}
		goto st0
	st214:
		if p++; p == pe {
			goto _testEof214
		}
	stCase214:
		if 33 <= data[p] && data[p] <= 126 {
			goto st215
		}
		goto st0
	st215:
		if p++; p == pe {
			goto _testEof215
		}
	stCase215:
		if 33 <= data[p] && data[p] <= 126 {
			goto st216
		}
		goto st0
	st216:
		if p++; p == pe {
			goto _testEof216
		}
	stCase216:
		if 33 <= data[p] && data[p] <= 126 {
			goto st217
		}
		goto st0
	st217:
		if p++; p == pe {
			goto _testEof217
		}
	stCase217:
		if 33 <= data[p] && data[p] <= 126 {
			goto st218
		}
		goto st0
	st218:
		if p++; p == pe {
			goto _testEof218
		}
	stCase218:
		if 33 <= data[p] && data[p] <= 126 {
			goto st219
		}
		goto st0
	st219:
		if p++; p == pe {
			goto _testEof219
		}
	stCase219:
		if 33 <= data[p] && data[p] <= 126 {
			goto st220
		}
		goto st0
	st220:
		if p++; p == pe {
			goto _testEof220
		}
	stCase220:
		if 33 <= data[p] && data[p] <= 126 {
			goto st221
		}
		goto st0
	st221:
		if p++; p == pe {
			goto _testEof221
		}
	stCase221:
		if 33 <= data[p] && data[p] <= 126 {
			goto st222
		}
		goto st0
	st222:
		if p++; p == pe {
			goto _testEof222
		}
	stCase222:
		if 33 <= data[p] && data[p] <= 126 {
			goto st223
		}
		goto st0
	st223:
		if p++; p == pe {
			goto _testEof223
		}
	stCase223:
		if 33 <= data[p] && data[p] <= 126 {
			goto st224
		}
		goto st0
	st224:
		if p++; p == pe {
			goto _testEof224
		}
	stCase224:
		if 33 <= data[p] && data[p] <= 126 {
			goto st225
		}
		goto st0
	st225:
		if p++; p == pe {
			goto _testEof225
		}
	stCase225:
		if 33 <= data[p] && data[p] <= 126 {
			goto st226
		}
		goto st0
	st226:
		if p++; p == pe {
			goto _testEof226
		}
	stCase226:
		if 33 <= data[p] && data[p] <= 126 {
			goto st227
		}
		goto st0
	st227:
		if p++; p == pe {
			goto _testEof227
		}
	stCase227:
		if 33 <= data[p] && data[p] <= 126 {
			goto st228
		}
		goto st0
	st228:
		if p++; p == pe {
			goto _testEof228
		}
	stCase228:
		if 33 <= data[p] && data[p] <= 126 {
			goto st229
		}
		goto st0
	st229:
		if p++; p == pe {
			goto _testEof229
		}
	stCase229:
		if 33 <= data[p] && data[p] <= 126 {
			goto st230
		}
		goto st0
	st230:
		if p++; p == pe {
			goto _testEof230
		}
	stCase230:
		if 33 <= data[p] && data[p] <= 126 {
			goto st231
		}
		goto st0
	st231:
		if p++; p == pe {
			goto _testEof231
		}
	stCase231:
		if 33 <= data[p] && data[p] <= 126 {
			goto st232
		}
		goto st0
	st232:
		if p++; p == pe {
			goto _testEof232
		}
	stCase232:
		if 33 <= data[p] && data[p] <= 126 {
			goto st233
		}
		goto st0
	st233:
		if p++; p == pe {
			goto _testEof233
		}
	stCase233:
		if 33 <= data[p] && data[p] <= 126 {
			goto st234
		}
		goto st0
	st234:
		if p++; p == pe {
			goto _testEof234
		}
	stCase234:
		if 33 <= data[p] && data[p] <= 126 {
			goto st235
		}
		goto st0
	st235:
		if p++; p == pe {
			goto _testEof235
		}
	stCase235:
		if 33 <= data[p] && data[p] <= 126 {
			goto st236
		}
		goto st0
	st236:
		if p++; p == pe {
			goto _testEof236
		}
	stCase236:
		if 33 <= data[p] && data[p] <= 126 {
			goto st237
		}
		goto st0
	st237:
		if p++; p == pe {
			goto _testEof237
		}
	stCase237:
		if 33 <= data[p] && data[p] <= 126 {
			goto st238
		}
		goto st0
	st238:
		if p++; p == pe {
			goto _testEof238
		}
	stCase238:
		if 33 <= data[p] && data[p] <= 126 {
			goto st239
		}
		goto st0
	st239:
		if p++; p == pe {
			goto _testEof239
		}
	stCase239:
		if 33 <= data[p] && data[p] <= 126 {
			goto st240
		}
		goto st0
	st240:
		if p++; p == pe {
			goto _testEof240
		}
	stCase240:
		if 33 <= data[p] && data[p] <= 126 {
			goto st241
		}
		goto st0
	st241:
		if p++; p == pe {
			goto _testEof241
		}
	stCase241:
		if 33 <= data[p] && data[p] <= 126 {
			goto st242
		}
		goto st0
	st242:
		if p++; p == pe {
			goto _testEof242
		}
	stCase242:
		if 33 <= data[p] && data[p] <= 126 {
			goto st243
		}
		goto st0
	st243:
		if p++; p == pe {
			goto _testEof243
		}
	stCase243:
		if 33 <= data[p] && data[p] <= 126 {
			goto st244
		}
		goto st0
	st244:
		if p++; p == pe {
			goto _testEof244
		}
	stCase244:
		if 33 <= data[p] && data[p] <= 126 {
			goto st245
		}
		goto st0
	st245:
		if p++; p == pe {
			goto _testEof245
		}
	stCase245:
		if 33 <= data[p] && data[p] <= 126 {
			goto st246
		}
		goto st0
	st246:
		if p++; p == pe {
			goto _testEof246
		}
	stCase246:
		if 33 <= data[p] && data[p] <= 126 {
			goto st247
		}
		goto st0
	st247:
		if p++; p == pe {
			goto _testEof247
		}
	stCase247:
		if 33 <= data[p] && data[p] <= 126 {
			goto st248
		}
		goto st0
	st248:
		if p++; p == pe {
			goto _testEof248
		}
	stCase248:
		if 33 <= data[p] && data[p] <= 126 {
			goto st249
		}
		goto st0
	st249:
		if p++; p == pe {
			goto _testEof249
		}
	stCase249:
		if 33 <= data[p] && data[p] <= 126 {
			goto st250
		}
		goto st0
	st250:
		if p++; p == pe {
			goto _testEof250
		}
	stCase250:
		if 33 <= data[p] && data[p] <= 126 {
			goto st251
		}
		goto st0
	st251:
		if p++; p == pe {
			goto _testEof251
		}
	stCase251:
		if 33 <= data[p] && data[p] <= 126 {
			goto st252
		}
		goto st0
	st252:
		if p++; p == pe {
			goto _testEof252
		}
	stCase252:
		if 33 <= data[p] && data[p] <= 126 {
			goto st253
		}
		goto st0
	st253:
		if p++; p == pe {
			goto _testEof253
		}
	stCase253:
		if 33 <= data[p] && data[p] <= 126 {
			goto st254
		}
		goto st0
	st254:
		if p++; p == pe {
			goto _testEof254
		}
	stCase254:
		if 33 <= data[p] && data[p] <= 126 {
			goto st255
		}
		goto st0
	st255:
		if p++; p == pe {
			goto _testEof255
		}
	stCase255:
		if 33 <= data[p] && data[p] <= 126 {
			goto st256
		}
		goto st0
	st256:
		if p++; p == pe {
			goto _testEof256
		}
	stCase256:
		if 33 <= data[p] && data[p] <= 126 {
			goto st257
		}
		goto st0
	st257:
		if p++; p == pe {
			goto _testEof257
		}
	stCase257:
		if 33 <= data[p] && data[p] <= 126 {
			goto st258
		}
		goto st0
	st258:
		if p++; p == pe {
			goto _testEof258
		}
	stCase258:
		if 33 <= data[p] && data[p] <= 126 {
			goto st259
		}
		goto st0
	st259:
		if p++; p == pe {
			goto _testEof259
		}
	stCase259:
		if 33 <= data[p] && data[p] <= 126 {
			goto st260
		}
		goto st0
	st260:
		if p++; p == pe {
			goto _testEof260
		}
	stCase260:
		if 33 <= data[p] && data[p] <= 126 {
			goto st261
		}
		goto st0
	st261:
		if p++; p == pe {
			goto _testEof261
		}
	stCase261:
		if 33 <= data[p] && data[p] <= 126 {
			goto st262
		}
		goto st0
	st262:
		if p++; p == pe {
			goto _testEof262
		}
	stCase262:
		if 33 <= data[p] && data[p] <= 126 {
			goto st263
		}
		goto st0
	st263:
		if p++; p == pe {
			goto _testEof263
		}
	stCase263:
		if 33 <= data[p] && data[p] <= 126 {
			goto st264
		}
		goto st0
	st264:
		if p++; p == pe {
			goto _testEof264
		}
	stCase264:
		if 33 <= data[p] && data[p] <= 126 {
			goto st265
		}
		goto st0
	st265:
		if p++; p == pe {
			goto _testEof265
		}
	stCase265:
		if 33 <= data[p] && data[p] <= 126 {
			goto st266
		}
		goto st0
	st266:
		if p++; p == pe {
			goto _testEof266
		}
	stCase266:
		if 33 <= data[p] && data[p] <= 126 {
			goto st267
		}
		goto st0
	st267:
		if p++; p == pe {
			goto _testEof267
		}
	stCase267:
		if 33 <= data[p] && data[p] <= 126 {
			goto st268
		}
		goto st0
	st268:
		if p++; p == pe {
			goto _testEof268
		}
	stCase268:
		if 33 <= data[p] && data[p] <= 126 {
			goto st269
		}
		goto st0
	st269:
		if p++; p == pe {
			goto _testEof269
		}
	stCase269:
		if 33 <= data[p] && data[p] <= 126 {
			goto st270
		}
		goto st0
	st270:
		if p++; p == pe {
			goto _testEof270
		}
	stCase270:
		if 33 <= data[p] && data[p] <= 126 {
			goto st271
		}
		goto st0
	st271:
		if p++; p == pe {
			goto _testEof271
		}
	stCase271:
		if 33 <= data[p] && data[p] <= 126 {
			goto st272
		}
		goto st0
	st272:
		if p++; p == pe {
			goto _testEof272
		}
	stCase272:
		if 33 <= data[p] && data[p] <= 126 {
			goto st273
		}
		goto st0
	st273:
		if p++; p == pe {
			goto _testEof273
		}
	stCase273:
		if 33 <= data[p] && data[p] <= 126 {
			goto st274
		}
		goto st0
	st274:
		if p++; p == pe {
			goto _testEof274
		}
	stCase274:
		if 33 <= data[p] && data[p] <= 126 {
			goto st275
		}
		goto st0
	st275:
		if p++; p == pe {
			goto _testEof275
		}
	stCase275:
		if 33 <= data[p] && data[p] <= 126 {
			goto st276
		}
		goto st0
	st276:
		if p++; p == pe {
			goto _testEof276
		}
	stCase276:
		if 33 <= data[p] && data[p] <= 126 {
			goto st277
		}
		goto st0
	st277:
		if p++; p == pe {
			goto _testEof277
		}
	stCase277:
		if 33 <= data[p] && data[p] <= 126 {
			goto st278
		}
		goto st0
	st278:
		if p++; p == pe {
			goto _testEof278
		}
	stCase278:
		if 33 <= data[p] && data[p] <= 126 {
			goto st279
		}
		goto st0
	st279:
		if p++; p == pe {
			goto _testEof279
		}
	stCase279:
		if 33 <= data[p] && data[p] <= 126 {
			goto st280
		}
		goto st0
	st280:
		if p++; p == pe {
			goto _testEof280
		}
	stCase280:
		if 33 <= data[p] && data[p] <= 126 {
			goto st281
		}
		goto st0
	st281:
		if p++; p == pe {
			goto _testEof281
		}
	stCase281:
		if 33 <= data[p] && data[p] <= 126 {
			goto st282
		}
		goto st0
	st282:
		if p++; p == pe {
			goto _testEof282
		}
	stCase282:
		if 33 <= data[p] && data[p] <= 126 {
			goto st283
		}
		goto st0
	st283:
		if p++; p == pe {
			goto _testEof283
		}
	stCase283:
		if 33 <= data[p] && data[p] <= 126 {
			goto st284
		}
		goto st0
	st284:
		if p++; p == pe {
			goto _testEof284
		}
	stCase284:
		if 33 <= data[p] && data[p] <= 126 {
			goto st285
		}
		goto st0
	st285:
		if p++; p == pe {
			goto _testEof285
		}
	stCase285:
		if 33 <= data[p] && data[p] <= 126 {
			goto st286
		}
		goto st0
	st286:
		if p++; p == pe {
			goto _testEof286
		}
	stCase286:
		if 33 <= data[p] && data[p] <= 126 {
			goto st287
		}
		goto st0
	st287:
		if p++; p == pe {
			goto _testEof287
		}
	stCase287:
		if 33 <= data[p] && data[p] <= 126 {
			goto st288
		}
		goto st0
	st288:
		if p++; p == pe {
			goto _testEof288
		}
	stCase288:
		if 33 <= data[p] && data[p] <= 126 {
			goto st289
		}
		goto st0
	st289:
		if p++; p == pe {
			goto _testEof289
		}
	stCase289:
		if 33 <= data[p] && data[p] <= 126 {
			goto st290
		}
		goto st0
	st290:
		if p++; p == pe {
			goto _testEof290
		}
	stCase290:
		if 33 <= data[p] && data[p] <= 126 {
			goto st291
		}
		goto st0
	st291:
		if p++; p == pe {
			goto _testEof291
		}
	stCase291:
		if 33 <= data[p] && data[p] <= 126 {
			goto st292
		}
		goto st0
	st292:
		if p++; p == pe {
			goto _testEof292
		}
	stCase292:
		if 33 <= data[p] && data[p] <= 126 {
			goto st293
		}
		goto st0
	st293:
		if p++; p == pe {
			goto _testEof293
		}
	stCase293:
		if 33 <= data[p] && data[p] <= 126 {
			goto st294
		}
		goto st0
	st294:
		if p++; p == pe {
			goto _testEof294
		}
	stCase294:
		if 33 <= data[p] && data[p] <= 126 {
			goto st295
		}
		goto st0
	st295:
		if p++; p == pe {
			goto _testEof295
		}
	stCase295:
		if 33 <= data[p] && data[p] <= 126 {
			goto st296
		}
		goto st0
	st296:
		if p++; p == pe {
			goto _testEof296
		}
	stCase296:
		if 33 <= data[p] && data[p] <= 126 {
			goto st297
		}
		goto st0
	st297:
		if p++; p == pe {
			goto _testEof297
		}
	stCase297:
		if 33 <= data[p] && data[p] <= 126 {
			goto st298
		}
		goto st0
	st298:
		if p++; p == pe {
			goto _testEof298
		}
	stCase298:
		if 33 <= data[p] && data[p] <= 126 {
			goto st299
		}
		goto st0
	st299:
		if p++; p == pe {
			goto _testEof299
		}
	stCase299:
		if 33 <= data[p] && data[p] <= 126 {
			goto st300
		}
		goto st0
	st300:
		if p++; p == pe {
			goto _testEof300
		}
	stCase300:
		if 33 <= data[p] && data[p] <= 126 {
			goto st301
		}
		goto st0
	st301:
		if p++; p == pe {
			goto _testEof301
		}
	stCase301:
		if 33 <= data[p] && data[p] <= 126 {
			goto st302
		}
		goto st0
	st302:
		if p++; p == pe {
			goto _testEof302
		}
	stCase302:
		if 33 <= data[p] && data[p] <= 126 {
			goto st303
		}
		goto st0
	st303:
		if p++; p == pe {
			goto _testEof303
		}
	stCase303:
		if 33 <= data[p] && data[p] <= 126 {
			goto st304
		}
		goto st0
	st304:
		if p++; p == pe {
			goto _testEof304
		}
	stCase304:
		if 33 <= data[p] && data[p] <= 126 {
			goto st305
		}
		goto st0
	st305:
		if p++; p == pe {
			goto _testEof305
		}
	stCase305:
		if 33 <= data[p] && data[p] <= 126 {
			goto st306
		}
		goto st0
	st306:
		if p++; p == pe {
			goto _testEof306
		}
	stCase306:
		if 33 <= data[p] && data[p] <= 126 {
			goto st307
		}
		goto st0
	st307:
		if p++; p == pe {
			goto _testEof307
		}
	stCase307:
		if 33 <= data[p] && data[p] <= 126 {
			goto st308
		}
		goto st0
	st308:
		if p++; p == pe {
			goto _testEof308
		}
	stCase308:
		if 33 <= data[p] && data[p] <= 126 {
			goto st309
		}
		goto st0
	st309:
		if p++; p == pe {
			goto _testEof309
		}
	stCase309:
		if 33 <= data[p] && data[p] <= 126 {
			goto st310
		}
		goto st0
	st310:
		if p++; p == pe {
			goto _testEof310
		}
	stCase310:
		if 33 <= data[p] && data[p] <= 126 {
			goto st311
		}
		goto st0
	st311:
		if p++; p == pe {
			goto _testEof311
		}
	stCase311:
		if 33 <= data[p] && data[p] <= 126 {
			goto st312
		}
		goto st0
	st312:
		if p++; p == pe {
			goto _testEof312
		}
	stCase312:
		if 33 <= data[p] && data[p] <= 126 {
			goto st313
		}
		goto st0
	st313:
		if p++; p == pe {
			goto _testEof313
		}
	stCase313:
		if 33 <= data[p] && data[p] <= 126 {
			goto st314
		}
		goto st0
	st314:
		if p++; p == pe {
			goto _testEof314
		}
	stCase314:
		if 33 <= data[p] && data[p] <= 126 {
			goto st315
		}
		goto st0
	st315:
		if p++; p == pe {
			goto _testEof315
		}
	stCase315:
		if 33 <= data[p] && data[p] <= 126 {
			goto st316
		}
		goto st0
	st316:
		if p++; p == pe {
			goto _testEof316
		}
	stCase316:
		goto st0
	stCase46:
		if 33 <= data[p] && data[p] <= 126 {
			goto tr42
		}
		goto st0
	tr42:

		pb = p

		goto st317
	st317:
		if p++; p == pe {
			goto _testEof317
		}
	stCase317:
		if 33 <= data[p] && data[p] <= 126 {
			goto st318
		}
		goto st0
	st318:
		if p++; p == pe {
			goto _testEof318
		}
	stCase318:
		if 33 <= data[p] && data[p] <= 126 {
			goto st319
		}
		goto st0
	st319:
		if p++; p == pe {
			goto _testEof319
		}
	stCase319:
		if 33 <= data[p] && data[p] <= 126 {
			goto st320
		}
		goto st0
	st320:
		if p++; p == pe {
			goto _testEof320
		}
	stCase320:
		if 33 <= data[p] && data[p] <= 126 {
			goto st321
		}
		goto st0
	st321:
		if p++; p == pe {
			goto _testEof321
		}
	stCase321:
		if 33 <= data[p] && data[p] <= 126 {
			goto st322
		}
		goto st0
	st322:
		if p++; p == pe {
			goto _testEof322
		}
	stCase322:
		if 33 <= data[p] && data[p] <= 126 {
			goto st323
		}
		goto st0
	st323:
		if p++; p == pe {
			goto _testEof323
		}
	stCase323:
		if 33 <= data[p] && data[p] <= 126 {
			goto st324
		}
		goto st0
	st324:
		if p++; p == pe {
			goto _testEof324
		}
	stCase324:
		if 33 <= data[p] && data[p] <= 126 {
			goto st325
		}
		goto st0
	st325:
		if p++; p == pe {
			goto _testEof325
		}
	stCase325:
		if 33 <= data[p] && data[p] <= 126 {
			goto st326
		}
		goto st0
	st326:
		if p++; p == pe {
			goto _testEof326
		}
	stCase326:
		if 33 <= data[p] && data[p] <= 126 {
			goto st327
		}
		goto st0
	st327:
		if p++; p == pe {
			goto _testEof327
		}
	stCase327:
		if 33 <= data[p] && data[p] <= 126 {
			goto st328
		}
		goto st0
	st328:
		if p++; p == pe {
			goto _testEof328
		}
	stCase328:
		if 33 <= data[p] && data[p] <= 126 {
			goto st329
		}
		goto st0
	st329:
		if p++; p == pe {
			goto _testEof329
		}
	stCase329:
		if 33 <= data[p] && data[p] <= 126 {
			goto st330
		}
		goto st0
	st330:
		if p++; p == pe {
			goto _testEof330
		}
	stCase330:
		if 33 <= data[p] && data[p] <= 126 {
			goto st331
		}
		goto st0
	st331:
		if p++; p == pe {
			goto _testEof331
		}
	stCase331:
		if 33 <= data[p] && data[p] <= 126 {
			goto st332
		}
		goto st0
	st332:
		if p++; p == pe {
			goto _testEof332
		}
	stCase332:
		if 33 <= data[p] && data[p] <= 126 {
			goto st333
		}
		goto st0
	st333:
		if p++; p == pe {
			goto _testEof333
		}
	stCase333:
		if 33 <= data[p] && data[p] <= 126 {
			goto st334
		}
		goto st0
	st334:
		if p++; p == pe {
			goto _testEof334
		}
	stCase334:
		if 33 <= data[p] && data[p] <= 126 {
			goto st335
		}
		goto st0
	st335:
		if p++; p == pe {
			goto _testEof335
		}
	stCase335:
		if 33 <= data[p] && data[p] <= 126 {
			goto st336
		}
		goto st0
	st336:
		if p++; p == pe {
			goto _testEof336
		}
	stCase336:
		if 33 <= data[p] && data[p] <= 126 {
			goto st337
		}
		goto st0
	st337:
		if p++; p == pe {
			goto _testEof337
		}
	stCase337:
		if 33 <= data[p] && data[p] <= 126 {
			goto st338
		}
		goto st0
	st338:
		if p++; p == pe {
			goto _testEof338
		}
	stCase338:
		if 33 <= data[p] && data[p] <= 126 {
			goto st339
		}
		goto st0
	st339:
		if p++; p == pe {
			goto _testEof339
		}
	stCase339:
		if 33 <= data[p] && data[p] <= 126 {
			goto st340
		}
		goto st0
	st340:
		if p++; p == pe {
			goto _testEof340
		}
	stCase340:
		if 33 <= data[p] && data[p] <= 126 {
			goto st341
		}
		goto st0
	st341:
		if p++; p == pe {
			goto _testEof341
		}
	stCase341:
		if 33 <= data[p] && data[p] <= 126 {
			goto st342
		}
		goto st0
	st342:
		if p++; p == pe {
			goto _testEof342
		}
	stCase342:
		if 33 <= data[p] && data[p] <= 126 {
			goto st343
		}
		goto st0
	st343:
		if p++; p == pe {
			goto _testEof343
		}
	stCase343:
		if 33 <= data[p] && data[p] <= 126 {
			goto st344
		}
		goto st0
	st344:
		if p++; p == pe {
			goto _testEof344
		}
	stCase344:
		if 33 <= data[p] && data[p] <= 126 {
			goto st345
		}
		goto st0
	st345:
		if p++; p == pe {
			goto _testEof345
		}
	stCase345:
		if 33 <= data[p] && data[p] <= 126 {
			goto st346
		}
		goto st0
	st346:
		if p++; p == pe {
			goto _testEof346
		}
	stCase346:
		if 33 <= data[p] && data[p] <= 126 {
			goto st347
		}
		goto st0
	st347:
		if p++; p == pe {
			goto _testEof347
		}
	stCase347:
		if 33 <= data[p] && data[p] <= 126 {
			goto st348
		}
		goto st0
	st348:
		if p++; p == pe {
			goto _testEof348
		}
	stCase348:
		if 33 <= data[p] && data[p] <= 126 {
			goto st349
		}
		goto st0
	st349:
		if p++; p == pe {
			goto _testEof349
		}
	stCase349:
		if 33 <= data[p] && data[p] <= 126 {
			goto st350
		}
		goto st0
	st350:
		if p++; p == pe {
			goto _testEof350
		}
	stCase350:
		if 33 <= data[p] && data[p] <= 126 {
			goto st351
		}
		goto st0
	st351:
		if p++; p == pe {
			goto _testEof351
		}
	stCase351:
		if 33 <= data[p] && data[p] <= 126 {
			goto st352
		}
		goto st0
	st352:
		if p++; p == pe {
			goto _testEof352
		}
	stCase352:
		if 33 <= data[p] && data[p] <= 126 {
			goto st353
		}
		goto st0
	st353:
		if p++; p == pe {
			goto _testEof353
		}
	stCase353:
		if 33 <= data[p] && data[p] <= 126 {
			goto st354
		}
		goto st0
	st354:
		if p++; p == pe {
			goto _testEof354
		}
	stCase354:
		if 33 <= data[p] && data[p] <= 126 {
			goto st355
		}
		goto st0
	st355:
		if p++; p == pe {
			goto _testEof355
		}
	stCase355:
		if 33 <= data[p] && data[p] <= 126 {
			goto st356
		}
		goto st0
	st356:
		if p++; p == pe {
			goto _testEof356
		}
	stCase356:
		if 33 <= data[p] && data[p] <= 126 {
			goto st357
		}
		goto st0
	st357:
		if p++; p == pe {
			goto _testEof357
		}
	stCase357:
		if 33 <= data[p] && data[p] <= 126 {
			goto st358
		}
		goto st0
	st358:
		if p++; p == pe {
			goto _testEof358
		}
	stCase358:
		if 33 <= data[p] && data[p] <= 126 {
			goto st359
		}
		goto st0
	st359:
		if p++; p == pe {
			goto _testEof359
		}
	stCase359:
		if 33 <= data[p] && data[p] <= 126 {
			goto st360
		}
		goto st0
	st360:
		if p++; p == pe {
			goto _testEof360
		}
	stCase360:
		if 33 <= data[p] && data[p] <= 126 {
			goto st361
		}
		goto st0
	st361:
		if p++; p == pe {
			goto _testEof361
		}
	stCase361:
		if 33 <= data[p] && data[p] <= 126 {
			goto st362
		}
		goto st0
	st362:
		if p++; p == pe {
			goto _testEof362
		}
	stCase362:
		if 33 <= data[p] && data[p] <= 126 {
			goto st363
		}
		goto st0
	st363:
		if p++; p == pe {
			goto _testEof363
		}
	stCase363:
		if 33 <= data[p] && data[p] <= 126 {
			goto st364
		}
		goto st0
	st364:
		if p++; p == pe {
			goto _testEof364
		}
	stCase364:
		goto st0
	stCase47:
		if 33 <= data[p] && data[p] <= 126 {
			goto tr43
		}
		goto st0
	tr43:

		pb = p

		goto st365
	st365:
		if p++; p == pe {
			goto _testEof365
		}
	stCase365:
		if 33 <= data[p] && data[p] <= 126 {
			goto st366
		}
		goto st0
	st366:
		if p++; p == pe {
			goto _testEof366
		}
	stCase366:
		if 33 <= data[p] && data[p] <= 126 {
			goto st367
		}
		goto st0
	st367:
		if p++; p == pe {
			goto _testEof367
		}
	stCase367:
		if 33 <= data[p] && data[p] <= 126 {
			goto st368
		}
		goto st0
	st368:
		if p++; p == pe {
			goto _testEof368
		}
	stCase368:
		if 33 <= data[p] && data[p] <= 126 {
			goto st369
		}
		goto st0
	st369:
		if p++; p == pe {
			goto _testEof369
		}
	stCase369:
		if 33 <= data[p] && data[p] <= 126 {
			goto st370
		}
		goto st0
	st370:
		if p++; p == pe {
			goto _testEof370
		}
	stCase370:
		if 33 <= data[p] && data[p] <= 126 {
			goto st371
		}
		goto st0
	st371:
		if p++; p == pe {
			goto _testEof371
		}
	stCase371:
		if 33 <= data[p] && data[p] <= 126 {
			goto st372
		}
		goto st0
	st372:
		if p++; p == pe {
			goto _testEof372
		}
	stCase372:
		if 33 <= data[p] && data[p] <= 126 {
			goto st373
		}
		goto st0
	st373:
		if p++; p == pe {
			goto _testEof373
		}
	stCase373:
		if 33 <= data[p] && data[p] <= 126 {
			goto st374
		}
		goto st0
	st374:
		if p++; p == pe {
			goto _testEof374
		}
	stCase374:
		if 33 <= data[p] && data[p] <= 126 {
			goto st375
		}
		goto st0
	st375:
		if p++; p == pe {
			goto _testEof375
		}
	stCase375:
		if 33 <= data[p] && data[p] <= 126 {
			goto st376
		}
		goto st0
	st376:
		if p++; p == pe {
			goto _testEof376
		}
	stCase376:
		if 33 <= data[p] && data[p] <= 126 {
			goto st377
		}
		goto st0
	st377:
		if p++; p == pe {
			goto _testEof377
		}
	stCase377:
		if 33 <= data[p] && data[p] <= 126 {
			goto st378
		}
		goto st0
	st378:
		if p++; p == pe {
			goto _testEof378
		}
	stCase378:
		if 33 <= data[p] && data[p] <= 126 {
			goto st379
		}
		goto st0
	st379:
		if p++; p == pe {
			goto _testEof379
		}
	stCase379:
		if 33 <= data[p] && data[p] <= 126 {
			goto st380
		}
		goto st0
	st380:
		if p++; p == pe {
			goto _testEof380
		}
	stCase380:
		if 33 <= data[p] && data[p] <= 126 {
			goto st381
		}
		goto st0
	st381:
		if p++; p == pe {
			goto _testEof381
		}
	stCase381:
		if 33 <= data[p] && data[p] <= 126 {
			goto st382
		}
		goto st0
	st382:
		if p++; p == pe {
			goto _testEof382
		}
	stCase382:
		if 33 <= data[p] && data[p] <= 126 {
			goto st383
		}
		goto st0
	st383:
		if p++; p == pe {
			goto _testEof383
		}
	stCase383:
		if 33 <= data[p] && data[p] <= 126 {
			goto st384
		}
		goto st0
	st384:
		if p++; p == pe {
			goto _testEof384
		}
	stCase384:
		if 33 <= data[p] && data[p] <= 126 {
			goto st385
		}
		goto st0
	st385:
		if p++; p == pe {
			goto _testEof385
		}
	stCase385:
		if 33 <= data[p] && data[p] <= 126 {
			goto st386
		}
		goto st0
	st386:
		if p++; p == pe {
			goto _testEof386
		}
	stCase386:
		if 33 <= data[p] && data[p] <= 126 {
			goto st387
		}
		goto st0
	st387:
		if p++; p == pe {
			goto _testEof387
		}
	stCase387:
		if 33 <= data[p] && data[p] <= 126 {
			goto st388
		}
		goto st0
	st388:
		if p++; p == pe {
			goto _testEof388
		}
	stCase388:
		if 33 <= data[p] && data[p] <= 126 {
			goto st389
		}
		goto st0
	st389:
		if p++; p == pe {
			goto _testEof389
		}
	stCase389:
		if 33 <= data[p] && data[p] <= 126 {
			goto st390
		}
		goto st0
	st390:
		if p++; p == pe {
			goto _testEof390
		}
	stCase390:
		if 33 <= data[p] && data[p] <= 126 {
			goto st391
		}
		goto st0
	st391:
		if p++; p == pe {
			goto _testEof391
		}
	stCase391:
		if 33 <= data[p] && data[p] <= 126 {
			goto st392
		}
		goto st0
	st392:
		if p++; p == pe {
			goto _testEof392
		}
	stCase392:
		if 33 <= data[p] && data[p] <= 126 {
			goto st393
		}
		goto st0
	st393:
		if p++; p == pe {
			goto _testEof393
		}
	stCase393:
		if 33 <= data[p] && data[p] <= 126 {
			goto st394
		}
		goto st0
	st394:
		if p++; p == pe {
			goto _testEof394
		}
	stCase394:
		if 33 <= data[p] && data[p] <= 126 {
			goto st395
		}
		goto st0
	st395:
		if p++; p == pe {
			goto _testEof395
		}
	stCase395:
		if 33 <= data[p] && data[p] <= 126 {
			goto st396
		}
		goto st0
	st396:
		if p++; p == pe {
			goto _testEof396
		}
	stCase396:
		if 33 <= data[p] && data[p] <= 126 {
			goto st397
		}
		goto st0
	st397:
		if p++; p == pe {
			goto _testEof397
		}
	stCase397:
		if 33 <= data[p] && data[p] <= 126 {
			goto st398
		}
		goto st0
	st398:
		if p++; p == pe {
			goto _testEof398
		}
	stCase398:
		if 33 <= data[p] && data[p] <= 126 {
			goto st399
		}
		goto st0
	st399:
		if p++; p == pe {
			goto _testEof399
		}
	stCase399:
		if 33 <= data[p] && data[p] <= 126 {
			goto st400
		}
		goto st0
	st400:
		if p++; p == pe {
			goto _testEof400
		}
	stCase400:
		if 33 <= data[p] && data[p] <= 126 {
			goto st401
		}
		goto st0
	st401:
		if p++; p == pe {
			goto _testEof401
		}
	stCase401:
		if 33 <= data[p] && data[p] <= 126 {
			goto st402
		}
		goto st0
	st402:
		if p++; p == pe {
			goto _testEof402
		}
	stCase402:
		if 33 <= data[p] && data[p] <= 126 {
			goto st403
		}
		goto st0
	st403:
		if p++; p == pe {
			goto _testEof403
		}
	stCase403:
		if 33 <= data[p] && data[p] <= 126 {
			goto st404
		}
		goto st0
	st404:
		if p++; p == pe {
			goto _testEof404
		}
	stCase404:
		if 33 <= data[p] && data[p] <= 126 {
			goto st405
		}
		goto st0
	st405:
		if p++; p == pe {
			goto _testEof405
		}
	stCase405:
		if 33 <= data[p] && data[p] <= 126 {
			goto st406
		}
		goto st0
	st406:
		if p++; p == pe {
			goto _testEof406
		}
	stCase406:
		if 33 <= data[p] && data[p] <= 126 {
			goto st407
		}
		goto st0
	st407:
		if p++; p == pe {
			goto _testEof407
		}
	stCase407:
		if 33 <= data[p] && data[p] <= 126 {
			goto st408
		}
		goto st0
	st408:
		if p++; p == pe {
			goto _testEof408
		}
	stCase408:
		if 33 <= data[p] && data[p] <= 126 {
			goto st409
		}
		goto st0
	st409:
		if p++; p == pe {
			goto _testEof409
		}
	stCase409:
		if 33 <= data[p] && data[p] <= 126 {
			goto st410
		}
		goto st0
	st410:
		if p++; p == pe {
			goto _testEof410
		}
	stCase410:
		if 33 <= data[p] && data[p] <= 126 {
			goto st411
		}
		goto st0
	st411:
		if p++; p == pe {
			goto _testEof411
		}
	stCase411:
		if 33 <= data[p] && data[p] <= 126 {
			goto st412
		}
		goto st0
	st412:
		if p++; p == pe {
			goto _testEof412
		}
	stCase412:
		if 33 <= data[p] && data[p] <= 126 {
			goto st413
		}
		goto st0
	st413:
		if p++; p == pe {
			goto _testEof413
		}
	stCase413:
		if 33 <= data[p] && data[p] <= 126 {
			goto st414
		}
		goto st0
	st414:
		if p++; p == pe {
			goto _testEof414
		}
	stCase414:
		if 33 <= data[p] && data[p] <= 126 {
			goto st415
		}
		goto st0
	st415:
		if p++; p == pe {
			goto _testEof415
		}
	stCase415:
		if 33 <= data[p] && data[p] <= 126 {
			goto st416
		}
		goto st0
	st416:
		if p++; p == pe {
			goto _testEof416
		}
	stCase416:
		if 33 <= data[p] && data[p] <= 126 {
			goto st417
		}
		goto st0
	st417:
		if p++; p == pe {
			goto _testEof417
		}
	stCase417:
		if 33 <= data[p] && data[p] <= 126 {
			goto st418
		}
		goto st0
	st418:
		if p++; p == pe {
			goto _testEof418
		}
	stCase418:
		if 33 <= data[p] && data[p] <= 126 {
			goto st419
		}
		goto st0
	st419:
		if p++; p == pe {
			goto _testEof419
		}
	stCase419:
		if 33 <= data[p] && data[p] <= 126 {
			goto st420
		}
		goto st0
	st420:
		if p++; p == pe {
			goto _testEof420
		}
	stCase420:
		if 33 <= data[p] && data[p] <= 126 {
			goto st421
		}
		goto st0
	st421:
		if p++; p == pe {
			goto _testEof421
		}
	stCase421:
		if 33 <= data[p] && data[p] <= 126 {
			goto st422
		}
		goto st0
	st422:
		if p++; p == pe {
			goto _testEof422
		}
	stCase422:
		if 33 <= data[p] && data[p] <= 126 {
			goto st423
		}
		goto st0
	st423:
		if p++; p == pe {
			goto _testEof423
		}
	stCase423:
		if 33 <= data[p] && data[p] <= 126 {
			goto st424
		}
		goto st0
	st424:
		if p++; p == pe {
			goto _testEof424
		}
	stCase424:
		if 33 <= data[p] && data[p] <= 126 {
			goto st425
		}
		goto st0
	st425:
		if p++; p == pe {
			goto _testEof425
		}
	stCase425:
		if 33 <= data[p] && data[p] <= 126 {
			goto st426
		}
		goto st0
	st426:
		if p++; p == pe {
			goto _testEof426
		}
	stCase426:
		if 33 <= data[p] && data[p] <= 126 {
			goto st427
		}
		goto st0
	st427:
		if p++; p == pe {
			goto _testEof427
		}
	stCase427:
		if 33 <= data[p] && data[p] <= 126 {
			goto st428
		}
		goto st0
	st428:
		if p++; p == pe {
			goto _testEof428
		}
	stCase428:
		if 33 <= data[p] && data[p] <= 126 {
			goto st429
		}
		goto st0
	st429:
		if p++; p == pe {
			goto _testEof429
		}
	stCase429:
		if 33 <= data[p] && data[p] <= 126 {
			goto st430
		}
		goto st0
	st430:
		if p++; p == pe {
			goto _testEof430
		}
	stCase430:
		if 33 <= data[p] && data[p] <= 126 {
			goto st431
		}
		goto st0
	st431:
		if p++; p == pe {
			goto _testEof431
		}
	stCase431:
		if 33 <= data[p] && data[p] <= 126 {
			goto st432
		}
		goto st0
	st432:
		if p++; p == pe {
			goto _testEof432
		}
	stCase432:
		if 33 <= data[p] && data[p] <= 126 {
			goto st433
		}
		goto st0
	st433:
		if p++; p == pe {
			goto _testEof433
		}
	stCase433:
		if 33 <= data[p] && data[p] <= 126 {
			goto st434
		}
		goto st0
	st434:
		if p++; p == pe {
			goto _testEof434
		}
	stCase434:
		if 33 <= data[p] && data[p] <= 126 {
			goto st435
		}
		goto st0
	st435:
		if p++; p == pe {
			goto _testEof435
		}
	stCase435:
		if 33 <= data[p] && data[p] <= 126 {
			goto st436
		}
		goto st0
	st436:
		if p++; p == pe {
			goto _testEof436
		}
	stCase436:
		if 33 <= data[p] && data[p] <= 126 {
			goto st437
		}
		goto st0
	st437:
		if p++; p == pe {
			goto _testEof437
		}
	stCase437:
		if 33 <= data[p] && data[p] <= 126 {
			goto st438
		}
		goto st0
	st438:
		if p++; p == pe {
			goto _testEof438
		}
	stCase438:
		if 33 <= data[p] && data[p] <= 126 {
			goto st439
		}
		goto st0
	st439:
		if p++; p == pe {
			goto _testEof439
		}
	stCase439:
		if 33 <= data[p] && data[p] <= 126 {
			goto st440
		}
		goto st0
	st440:
		if p++; p == pe {
			goto _testEof440
		}
	stCase440:
		if 33 <= data[p] && data[p] <= 126 {
			goto st441
		}
		goto st0
	st441:
		if p++; p == pe {
			goto _testEof441
		}
	stCase441:
		if 33 <= data[p] && data[p] <= 126 {
			goto st442
		}
		goto st0
	st442:
		if p++; p == pe {
			goto _testEof442
		}
	stCase442:
		if 33 <= data[p] && data[p] <= 126 {
			goto st443
		}
		goto st0
	st443:
		if p++; p == pe {
			goto _testEof443
		}
	stCase443:
		if 33 <= data[p] && data[p] <= 126 {
			goto st444
		}
		goto st0
	st444:
		if p++; p == pe {
			goto _testEof444
		}
	stCase444:
		if 33 <= data[p] && data[p] <= 126 {
			goto st445
		}
		goto st0
	st445:
		if p++; p == pe {
			goto _testEof445
		}
	stCase445:
		if 33 <= data[p] && data[p] <= 126 {
			goto st446
		}
		goto st0
	st446:
		if p++; p == pe {
			goto _testEof446
		}
	stCase446:
		if 33 <= data[p] && data[p] <= 126 {
			goto st447
		}
		goto st0
	st447:
		if p++; p == pe {
			goto _testEof447
		}
	stCase447:
		if 33 <= data[p] && data[p] <= 126 {
			goto st448
		}
		goto st0
	st448:
		if p++; p == pe {
			goto _testEof448
		}
	stCase448:
		if 33 <= data[p] && data[p] <= 126 {
			goto st449
		}
		goto st0
	st449:
		if p++; p == pe {
			goto _testEof449
		}
	stCase449:
		if 33 <= data[p] && data[p] <= 126 {
			goto st450
		}
		goto st0
	st450:
		if p++; p == pe {
			goto _testEof450
		}
	stCase450:
		if 33 <= data[p] && data[p] <= 126 {
			goto st451
		}
		goto st0
	st451:
		if p++; p == pe {
			goto _testEof451
		}
	stCase451:
		if 33 <= data[p] && data[p] <= 126 {
			goto st452
		}
		goto st0
	st452:
		if p++; p == pe {
			goto _testEof452
		}
	stCase452:
		if 33 <= data[p] && data[p] <= 126 {
			goto st453
		}
		goto st0
	st453:
		if p++; p == pe {
			goto _testEof453
		}
	stCase453:
		if 33 <= data[p] && data[p] <= 126 {
			goto st454
		}
		goto st0
	st454:
		if p++; p == pe {
			goto _testEof454
		}
	stCase454:
		if 33 <= data[p] && data[p] <= 126 {
			goto st455
		}
		goto st0
	st455:
		if p++; p == pe {
			goto _testEof455
		}
	stCase455:
		if 33 <= data[p] && data[p] <= 126 {
			goto st456
		}
		goto st0
	st456:
		if p++; p == pe {
			goto _testEof456
		}
	stCase456:
		if 33 <= data[p] && data[p] <= 126 {
			goto st457
		}
		goto st0
	st457:
		if p++; p == pe {
			goto _testEof457
		}
	stCase457:
		if 33 <= data[p] && data[p] <= 126 {
			goto st458
		}
		goto st0
	st458:
		if p++; p == pe {
			goto _testEof458
		}
	stCase458:
		if 33 <= data[p] && data[p] <= 126 {
			goto st459
		}
		goto st0
	st459:
		if p++; p == pe {
			goto _testEof459
		}
	stCase459:
		if 33 <= data[p] && data[p] <= 126 {
			goto st460
		}
		goto st0
	st460:
		if p++; p == pe {
			goto _testEof460
		}
	stCase460:
		if 33 <= data[p] && data[p] <= 126 {
			goto st461
		}
		goto st0
	st461:
		if p++; p == pe {
			goto _testEof461
		}
	stCase461:
		if 33 <= data[p] && data[p] <= 126 {
			goto st462
		}
		goto st0
	st462:
		if p++; p == pe {
			goto _testEof462
		}
	stCase462:
		if 33 <= data[p] && data[p] <= 126 {
			goto st463
		}
		goto st0
	st463:
		if p++; p == pe {
			goto _testEof463
		}
	stCase463:
		if 33 <= data[p] && data[p] <= 126 {
			goto st464
		}
		goto st0
	st464:
		if p++; p == pe {
			goto _testEof464
		}
	stCase464:
		if 33 <= data[p] && data[p] <= 126 {
			goto st465
		}
		goto st0
	st465:
		if p++; p == pe {
			goto _testEof465
		}
	stCase465:
		if 33 <= data[p] && data[p] <= 126 {
			goto st466
		}
		goto st0
	st466:
		if p++; p == pe {
			goto _testEof466
		}
	stCase466:
		if 33 <= data[p] && data[p] <= 126 {
			goto st467
		}
		goto st0
	st467:
		if p++; p == pe {
			goto _testEof467
		}
	stCase467:
		if 33 <= data[p] && data[p] <= 126 {
			goto st468
		}
		goto st0
	st468:
		if p++; p == pe {
			goto _testEof468
		}
	stCase468:
		if 33 <= data[p] && data[p] <= 126 {
			goto st469
		}
		goto st0
	st469:
		if p++; p == pe {
			goto _testEof469
		}
	stCase469:
		if 33 <= data[p] && data[p] <= 126 {
			goto st470
		}
		goto st0
	st470:
		if p++; p == pe {
			goto _testEof470
		}
	stCase470:
		if 33 <= data[p] && data[p] <= 126 {
			goto st471
		}
		goto st0
	st471:
		if p++; p == pe {
			goto _testEof471
		}
	stCase471:
		if 33 <= data[p] && data[p] <= 126 {
			goto st472
		}
		goto st0
	st472:
		if p++; p == pe {
			goto _testEof472
		}
	stCase472:
		if 33 <= data[p] && data[p] <= 126 {
			goto st473
		}
		goto st0
	st473:
		if p++; p == pe {
			goto _testEof473
		}
	stCase473:
		if 33 <= data[p] && data[p] <= 126 {
			goto st474
		}
		goto st0
	st474:
		if p++; p == pe {
			goto _testEof474
		}
	stCase474:
		if 33 <= data[p] && data[p] <= 126 {
			goto st475
		}
		goto st0
	st475:
		if p++; p == pe {
			goto _testEof475
		}
	stCase475:
		if 33 <= data[p] && data[p] <= 126 {
			goto st476
		}
		goto st0
	st476:
		if p++; p == pe {
			goto _testEof476
		}
	stCase476:
		if 33 <= data[p] && data[p] <= 126 {
			goto st477
		}
		goto st0
	st477:
		if p++; p == pe {
			goto _testEof477
		}
	stCase477:
		if 33 <= data[p] && data[p] <= 126 {
			goto st478
		}
		goto st0
	st478:
		if p++; p == pe {
			goto _testEof478
		}
	stCase478:
		if 33 <= data[p] && data[p] <= 126 {
			goto st479
		}
		goto st0
	st479:
		if p++; p == pe {
			goto _testEof479
		}
	stCase479:
		if 33 <= data[p] && data[p] <= 126 {
			goto st480
		}
		goto st0
	st480:
		if p++; p == pe {
			goto _testEof480
		}
	stCase480:
		if 33 <= data[p] && data[p] <= 126 {
			goto st481
		}
		goto st0
	st481:
		if p++; p == pe {
			goto _testEof481
		}
	stCase481:
		if 33 <= data[p] && data[p] <= 126 {
			goto st482
		}
		goto st0
	st482:
		if p++; p == pe {
			goto _testEof482
		}
	stCase482:
		if 33 <= data[p] && data[p] <= 126 {
			goto st483
		}
		goto st0
	st483:
		if p++; p == pe {
			goto _testEof483
		}
	stCase483:
		if 33 <= data[p] && data[p] <= 126 {
			goto st484
		}
		goto st0
	st484:
		if p++; p == pe {
			goto _testEof484
		}
	stCase484:
		if 33 <= data[p] && data[p] <= 126 {
			goto st485
		}
		goto st0
	st485:
		if p++; p == pe {
			goto _testEof485
		}
	stCase485:
		if 33 <= data[p] && data[p] <= 126 {
			goto st486
		}
		goto st0
	st486:
		if p++; p == pe {
			goto _testEof486
		}
	stCase486:
		if 33 <= data[p] && data[p] <= 126 {
			goto st487
		}
		goto st0
	st487:
		if p++; p == pe {
			goto _testEof487
		}
	stCase487:
		if 33 <= data[p] && data[p] <= 126 {
			goto st488
		}
		goto st0
	st488:
		if p++; p == pe {
			goto _testEof488
		}
	stCase488:
		if 33 <= data[p] && data[p] <= 126 {
			goto st489
		}
		goto st0
	st489:
		if p++; p == pe {
			goto _testEof489
		}
	stCase489:
		if 33 <= data[p] && data[p] <= 126 {
			goto st490
		}
		goto st0
	st490:
		if p++; p == pe {
			goto _testEof490
		}
	stCase490:
		if 33 <= data[p] && data[p] <= 126 {
			goto st491
		}
		goto st0
	st491:
		if p++; p == pe {
			goto _testEof491
		}
	stCase491:
		if 33 <= data[p] && data[p] <= 126 {
			goto st492
		}
		goto st0
	st492:
		if p++; p == pe {
			goto _testEof492
		}
	stCase492:
		goto st0
	stCase48:
		if 33 <= data[p] && data[p] <= 126 {
			goto tr44
		}
		goto st0
	tr44:

		pb = p

		goto st493
	st493:
		if p++; p == pe {
			goto _testEof493
		}
	stCase493:
		if 33 <= data[p] && data[p] <= 126 {
			goto st494
		}
		goto st0
	st494:
		if p++; p == pe {
			goto _testEof494
		}
	stCase494:
		if 33 <= data[p] && data[p] <= 126 {
			goto st495
		}
		goto st0
	st495:
		if p++; p == pe {
			goto _testEof495
		}
	stCase495:
		if 33 <= data[p] && data[p] <= 126 {
			goto st496
		}
		goto st0
	st496:
		if p++; p == pe {
			goto _testEof496
		}
	stCase496:
		if 33 <= data[p] && data[p] <= 126 {
			goto st497
		}
		goto st0
	st497:
		if p++; p == pe {
			goto _testEof497
		}
	stCase497:
		if 33 <= data[p] && data[p] <= 126 {
			goto st498
		}
		goto st0
	st498:
		if p++; p == pe {
			goto _testEof498
		}
	stCase498:
		if 33 <= data[p] && data[p] <= 126 {
			goto st499
		}
		goto st0
	st499:
		if p++; p == pe {
			goto _testEof499
		}
	stCase499:
		if 33 <= data[p] && data[p] <= 126 {
			goto st500
		}
		goto st0
	st500:
		if p++; p == pe {
			goto _testEof500
		}
	stCase500:
		if 33 <= data[p] && data[p] <= 126 {
			goto st501
		}
		goto st0
	st501:
		if p++; p == pe {
			goto _testEof501
		}
	stCase501:
		if 33 <= data[p] && data[p] <= 126 {
			goto st502
		}
		goto st0
	st502:
		if p++; p == pe {
			goto _testEof502
		}
	stCase502:
		if 33 <= data[p] && data[p] <= 126 {
			goto st503
		}
		goto st0
	st503:
		if p++; p == pe {
			goto _testEof503
		}
	stCase503:
		if 33 <= data[p] && data[p] <= 126 {
			goto st504
		}
		goto st0
	st504:
		if p++; p == pe {
			goto _testEof504
		}
	stCase504:
		if 33 <= data[p] && data[p] <= 126 {
			goto st505
		}
		goto st0
	st505:
		if p++; p == pe {
			goto _testEof505
		}
	stCase505:
		if 33 <= data[p] && data[p] <= 126 {
			goto st506
		}
		goto st0
	st506:
		if p++; p == pe {
			goto _testEof506
		}
	stCase506:
		if 33 <= data[p] && data[p] <= 126 {
			goto st507
		}
		goto st0
	st507:
		if p++; p == pe {
			goto _testEof507
		}
	stCase507:
		if 33 <= data[p] && data[p] <= 126 {
			goto st508
		}
		goto st0
	st508:
		if p++; p == pe {
			goto _testEof508
		}
	stCase508:
		if 33 <= data[p] && data[p] <= 126 {
			goto st509
		}
		goto st0
	st509:
		if p++; p == pe {
			goto _testEof509
		}
	stCase509:
		if 33 <= data[p] && data[p] <= 126 {
			goto st510
		}
		goto st0
	st510:
		if p++; p == pe {
			goto _testEof510
		}
	stCase510:
		if 33 <= data[p] && data[p] <= 126 {
			goto st511
		}
		goto st0
	st511:
		if p++; p == pe {
			goto _testEof511
		}
	stCase511:
		if 33 <= data[p] && data[p] <= 126 {
			goto st512
		}
		goto st0
	st512:
		if p++; p == pe {
			goto _testEof512
		}
	stCase512:
		if 33 <= data[p] && data[p] <= 126 {
			goto st513
		}
		goto st0
	st513:
		if p++; p == pe {
			goto _testEof513
		}
	stCase513:
		if 33 <= data[p] && data[p] <= 126 {
			goto st514
		}
		goto st0
	st514:
		if p++; p == pe {
			goto _testEof514
		}
	stCase514:
		if 33 <= data[p] && data[p] <= 126 {
			goto st515
		}
		goto st0
	st515:
		if p++; p == pe {
			goto _testEof515
		}
	stCase515:
		if 33 <= data[p] && data[p] <= 126 {
			goto st516
		}
		goto st0
	st516:
		if p++; p == pe {
			goto _testEof516
		}
	stCase516:
		if 33 <= data[p] && data[p] <= 126 {
			goto st517
		}
		goto st0
	st517:
		if p++; p == pe {
			goto _testEof517
		}
	stCase517:
		if 33 <= data[p] && data[p] <= 126 {
			goto st518
		}
		goto st0
	st518:
		if p++; p == pe {
			goto _testEof518
		}
	stCase518:
		if 33 <= data[p] && data[p] <= 126 {
			goto st519
		}
		goto st0
	st519:
		if p++; p == pe {
			goto _testEof519
		}
	stCase519:
		if 33 <= data[p] && data[p] <= 126 {
			goto st520
		}
		goto st0
	st520:
		if p++; p == pe {
			goto _testEof520
		}
	stCase520:
		if 33 <= data[p] && data[p] <= 126 {
			goto st521
		}
		goto st0
	st521:
		if p++; p == pe {
			goto _testEof521
		}
	stCase521:
		if 33 <= data[p] && data[p] <= 126 {
			goto st522
		}
		goto st0
	st522:
		if p++; p == pe {
			goto _testEof522
		}
	stCase522:
		if 33 <= data[p] && data[p] <= 126 {
			goto st523
		}
		goto st0
	st523:
		if p++; p == pe {
			goto _testEof523
		}
	stCase523:
		if 33 <= data[p] && data[p] <= 126 {
			goto st524
		}
		goto st0
	st524:
		if p++; p == pe {
			goto _testEof524
		}
	stCase524:
		goto st0
	stCase49:
		if data[p] == 33 {
			goto tr45
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto tr45
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto tr45
			}
		default:
			goto tr45
		}
		goto st0
	tr45:

		pb = p

		goto st525
	st525:
		if p++; p == pe {
			goto _testEof525
		}
	stCase525:
		if data[p] == 33 {
			goto st526
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st526
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st526
			}
		default:
			goto st526
		}
		goto st0
	st526:
		if p++; p == pe {
			goto _testEof526
		}
	stCase526:
		if data[p] == 33 {
			goto st527
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st527
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st527
			}
		default:
			goto st527
		}
		goto st0
	st527:
		if p++; p == pe {
			goto _testEof527
		}
	stCase527:
		if data[p] == 33 {
			goto st528
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st528
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st528
			}
		default:
			goto st528
		}
		goto st0
	st528:
		if p++; p == pe {
			goto _testEof528
		}
	stCase528:
		if data[p] == 33 {
			goto st529
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st529
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st529
			}
		default:
			goto st529
		}
		goto st0
	st529:
		if p++; p == pe {
			goto _testEof529
		}
	stCase529:
		if data[p] == 33 {
			goto st530
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st530
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st530
			}
		default:
			goto st530
		}
		goto st0
	st530:
		if p++; p == pe {
			goto _testEof530
		}
	stCase530:
		if data[p] == 33 {
			goto st531
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st531
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st531
			}
		default:
			goto st531
		}
		goto st0
	st531:
		if p++; p == pe {
			goto _testEof531
		}
	stCase531:
		if data[p] == 33 {
			goto st532
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st532
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st532
			}
		default:
			goto st532
		}
		goto st0
	st532:
		if p++; p == pe {
			goto _testEof532
		}
	stCase532:
		if data[p] == 33 {
			goto st533
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st533
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st533
			}
		default:
			goto st533
		}
		goto st0
	st533:
		if p++; p == pe {
			goto _testEof533
		}
	stCase533:
		if data[p] == 33 {
			goto st534
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st534
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st534
			}
		default:
			goto st534
		}
		goto st0
	st534:
		if p++; p == pe {
			goto _testEof534
		}
	stCase534:
		if data[p] == 33 {
			goto st535
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st535
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st535
			}
		default:
			goto st535
		}
		goto st0
	st535:
		if p++; p == pe {
			goto _testEof535
		}
	stCase535:
		if data[p] == 33 {
			goto st536
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st536
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st536
			}
		default:
			goto st536
		}
		goto st0
	st536:
		if p++; p == pe {
			goto _testEof536
		}
	stCase536:
		if data[p] == 33 {
			goto st537
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st537
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st537
			}
		default:
			goto st537
		}
		goto st0
	st537:
		if p++; p == pe {
			goto _testEof537
		}
	stCase537:
		if data[p] == 33 {
			goto st538
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st538
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st538
			}
		default:
			goto st538
		}
		goto st0
	st538:
		if p++; p == pe {
			goto _testEof538
		}
	stCase538:
		if data[p] == 33 {
			goto st539
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st539
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st539
			}
		default:
			goto st539
		}
		goto st0
	st539:
		if p++; p == pe {
			goto _testEof539
		}
	stCase539:
		if data[p] == 33 {
			goto st540
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st540
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st540
			}
		default:
			goto st540
		}
		goto st0
	st540:
		if p++; p == pe {
			goto _testEof540
		}
	stCase540:
		if data[p] == 33 {
			goto st541
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st541
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st541
			}
		default:
			goto st541
		}
		goto st0
	st541:
		if p++; p == pe {
			goto _testEof541
		}
	stCase541:
		if data[p] == 33 {
			goto st542
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st542
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st542
			}
		default:
			goto st542
		}
		goto st0
	st542:
		if p++; p == pe {
			goto _testEof542
		}
	stCase542:
		if data[p] == 33 {
			goto st543
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st543
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st543
			}
		default:
			goto st543
		}
		goto st0
	st543:
		if p++; p == pe {
			goto _testEof543
		}
	stCase543:
		if data[p] == 33 {
			goto st544
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st544
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st544
			}
		default:
			goto st544
		}
		goto st0
	st544:
		if p++; p == pe {
			goto _testEof544
		}
	stCase544:
		if data[p] == 33 {
			goto st545
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st545
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st545
			}
		default:
			goto st545
		}
		goto st0
	st545:
		if p++; p == pe {
			goto _testEof545
		}
	stCase545:
		if data[p] == 33 {
			goto st546
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st546
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st546
			}
		default:
			goto st546
		}
		goto st0
	st546:
		if p++; p == pe {
			goto _testEof546
		}
	stCase546:
		if data[p] == 33 {
			goto st547
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st547
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st547
			}
		default:
			goto st547
		}
		goto st0
	st547:
		if p++; p == pe {
			goto _testEof547
		}
	stCase547:
		if data[p] == 33 {
			goto st548
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st548
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st548
			}
		default:
			goto st548
		}
		goto st0
	st548:
		if p++; p == pe {
			goto _testEof548
		}
	stCase548:
		if data[p] == 33 {
			goto st549
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st549
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st549
			}
		default:
			goto st549
		}
		goto st0
	st549:
		if p++; p == pe {
			goto _testEof549
		}
	stCase549:
		if data[p] == 33 {
			goto st550
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st550
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st550
			}
		default:
			goto st550
		}
		goto st0
	st550:
		if p++; p == pe {
			goto _testEof550
		}
	stCase550:
		if data[p] == 33 {
			goto st551
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st551
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st551
			}
		default:
			goto st551
		}
		goto st0
	st551:
		if p++; p == pe {
			goto _testEof551
		}
	stCase551:
		if data[p] == 33 {
			goto st552
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st552
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st552
			}
		default:
			goto st552
		}
		goto st0
	st552:
		if p++; p == pe {
			goto _testEof552
		}
	stCase552:
		if data[p] == 33 {
			goto st553
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st553
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st553
			}
		default:
			goto st553
		}
		goto st0
	st553:
		if p++; p == pe {
			goto _testEof553
		}
	stCase553:
		if data[p] == 33 {
			goto st554
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st554
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st554
			}
		default:
			goto st554
		}
		goto st0
	st554:
		if p++; p == pe {
			goto _testEof554
		}
	stCase554:
		if data[p] == 33 {
			goto st555
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st555
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st555
			}
		default:
			goto st555
		}
		goto st0
	st555:
		if p++; p == pe {
			goto _testEof555
		}
	stCase555:
		if data[p] == 33 {
			goto st556
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st556
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st556
			}
		default:
			goto st556
		}
		goto st0
	st556:
		if p++; p == pe {
			goto _testEof556
		}
	stCase556:
		goto st0
	stCase50:
		if data[p] == 33 {
			goto tr46
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto tr46
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto tr46
			}
		default:
			goto tr46
		}
		goto st0
	tr46:

		pb = p

		goto st557
	st557:
		if p++; p == pe {
			goto _testEof557
		}
	stCase557:
		if data[p] == 33 {
			goto st558
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st558
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st558
			}
		default:
			goto st558
		}
		goto st0
	st558:
		if p++; p == pe {
			goto _testEof558
		}
	stCase558:
		if data[p] == 33 {
			goto st559
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st559
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st559
			}
		default:
			goto st559
		}
		goto st0
	st559:
		if p++; p == pe {
			goto _testEof559
		}
	stCase559:
		if data[p] == 33 {
			goto st560
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st560
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st560
			}
		default:
			goto st560
		}
		goto st0
	st560:
		if p++; p == pe {
			goto _testEof560
		}
	stCase560:
		if data[p] == 33 {
			goto st561
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st561
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st561
			}
		default:
			goto st561
		}
		goto st0
	st561:
		if p++; p == pe {
			goto _testEof561
		}
	stCase561:
		if data[p] == 33 {
			goto st562
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st562
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st562
			}
		default:
			goto st562
		}
		goto st0
	st562:
		if p++; p == pe {
			goto _testEof562
		}
	stCase562:
		if data[p] == 33 {
			goto st563
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st563
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st563
			}
		default:
			goto st563
		}
		goto st0
	st563:
		if p++; p == pe {
			goto _testEof563
		}
	stCase563:
		if data[p] == 33 {
			goto st564
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st564
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st564
			}
		default:
			goto st564
		}
		goto st0
	st564:
		if p++; p == pe {
			goto _testEof564
		}
	stCase564:
		if data[p] == 33 {
			goto st565
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st565
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st565
			}
		default:
			goto st565
		}
		goto st0
	st565:
		if p++; p == pe {
			goto _testEof565
		}
	stCase565:
		if data[p] == 33 {
			goto st566
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st566
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st566
			}
		default:
			goto st566
		}
		goto st0
	st566:
		if p++; p == pe {
			goto _testEof566
		}
	stCase566:
		if data[p] == 33 {
			goto st567
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st567
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st567
			}
		default:
			goto st567
		}
		goto st0
	st567:
		if p++; p == pe {
			goto _testEof567
		}
	stCase567:
		if data[p] == 33 {
			goto st568
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st568
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st568
			}
		default:
			goto st568
		}
		goto st0
	st568:
		if p++; p == pe {
			goto _testEof568
		}
	stCase568:
		if data[p] == 33 {
			goto st569
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st569
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st569
			}
		default:
			goto st569
		}
		goto st0
	st569:
		if p++; p == pe {
			goto _testEof569
		}
	stCase569:
		if data[p] == 33 {
			goto st570
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st570
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st570
			}
		default:
			goto st570
		}
		goto st0
	st570:
		if p++; p == pe {
			goto _testEof570
		}
	stCase570:
		if data[p] == 33 {
			goto st571
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st571
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st571
			}
		default:
			goto st571
		}
		goto st0
	st571:
		if p++; p == pe {
			goto _testEof571
		}
	stCase571:
		if data[p] == 33 {
			goto st572
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st572
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st572
			}
		default:
			goto st572
		}
		goto st0
	st572:
		if p++; p == pe {
			goto _testEof572
		}
	stCase572:
		if data[p] == 33 {
			goto st573
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st573
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st573
			}
		default:
			goto st573
		}
		goto st0
	st573:
		if p++; p == pe {
			goto _testEof573
		}
	stCase573:
		if data[p] == 33 {
			goto st574
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st574
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st574
			}
		default:
			goto st574
		}
		goto st0
	st574:
		if p++; p == pe {
			goto _testEof574
		}
	stCase574:
		if data[p] == 33 {
			goto st575
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st575
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st575
			}
		default:
			goto st575
		}
		goto st0
	st575:
		if p++; p == pe {
			goto _testEof575
		}
	stCase575:
		if data[p] == 33 {
			goto st576
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st576
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st576
			}
		default:
			goto st576
		}
		goto st0
	st576:
		if p++; p == pe {
			goto _testEof576
		}
	stCase576:
		if data[p] == 33 {
			goto st577
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st577
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st577
			}
		default:
			goto st577
		}
		goto st0
	st577:
		if p++; p == pe {
			goto _testEof577
		}
	stCase577:
		if data[p] == 33 {
			goto st578
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st578
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st578
			}
		default:
			goto st578
		}
		goto st0
	st578:
		if p++; p == pe {
			goto _testEof578
		}
	stCase578:
		if data[p] == 33 {
			goto st579
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st579
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st579
			}
		default:
			goto st579
		}
		goto st0
	st579:
		if p++; p == pe {
			goto _testEof579
		}
	stCase579:
		if data[p] == 33 {
			goto st580
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st580
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st580
			}
		default:
			goto st580
		}
		goto st0
	st580:
		if p++; p == pe {
			goto _testEof580
		}
	stCase580:
		if data[p] == 33 {
			goto st581
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st581
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st581
			}
		default:
			goto st581
		}
		goto st0
	st581:
		if p++; p == pe {
			goto _testEof581
		}
	stCase581:
		if data[p] == 33 {
			goto st582
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st582
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st582
			}
		default:
			goto st582
		}
		goto st0
	st582:
		if p++; p == pe {
			goto _testEof582
		}
	stCase582:
		if data[p] == 33 {
			goto st583
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st583
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st583
			}
		default:
			goto st583
		}
		goto st0
	st583:
		if p++; p == pe {
			goto _testEof583
		}
	stCase583:
		if data[p] == 33 {
			goto st584
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st584
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st584
			}
		default:
			goto st584
		}
		goto st0
	st584:
		if p++; p == pe {
			goto _testEof584
		}
	stCase584:
		if data[p] == 33 {
			goto st585
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st585
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st585
			}
		default:
			goto st585
		}
		goto st0
	st585:
		if p++; p == pe {
			goto _testEof585
		}
	stCase585:
		if data[p] == 33 {
			goto st586
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st586
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st586
			}
		default:
			goto st586
		}
		goto st0
	st586:
		if p++; p == pe {
			goto _testEof586
		}
	stCase586:
		if data[p] == 33 {
			goto st587
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st587
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st587
			}
		default:
			goto st587
		}
		goto st0
	st587:
		if p++; p == pe {
			goto _testEof587
		}
	stCase587:
		if data[p] == 33 {
			goto st588
		}
		switch {
		case data[p] < 62:
			if 35 <= data[p] && data[p] <= 60 {
				goto st588
			}
		case data[p] > 92:
			if 94 <= data[p] && data[p] <= 126 {
				goto st588
			}
		default:
			goto st588
		}
		goto st0
	st588:
		if p++; p == pe {
			goto _testEof588
		}
	stCase588:
		goto st0
	stCase589:
		switch data[p] {
		case 34:
			goto st0
		case 92:
			goto tr585
		case 93:
			goto st0
		case 224:
			goto tr587
		case 237:
			goto tr589
		case 240:
			goto tr590
		case 244:
			goto tr592
		}
		switch {
		case data[p] < 225:
			switch {
			case data[p] > 193:
				if 194 <= data[p] && data[p] <= 223 {
					goto tr586
				}
			case data[p] >= 128:
				goto st0
			}
		case data[p] > 239:
			switch {
			case data[p] > 243:
				if 245 <= data[p] {
					goto st0
				}
			case data[p] >= 241:
				goto tr591
			}
		default:
			goto tr588
		}
		goto tr584
	tr584:

		pb = p

		goto st590
	st590:
		if p++; p == pe {
			goto _testEof590
		}
	stCase590:
		switch data[p] {
		case 34:
			goto st0
		case 92:
			goto tr593
		case 93:
			goto st0
		case 224:
			goto st53
		case 237:
			goto st55
		case 240:
			goto st56
		case 244:
			goto st58
		}
		switch {
		case data[p] < 225:
			switch {
			case data[p] > 193:
				if 194 <= data[p] && data[p] <= 223 {
					goto st52
				}
			case data[p] >= 128:
				goto st0
			}
		case data[p] > 239:
			switch {
			case data[p] > 243:
				if 245 <= data[p] {
					goto st0
				}
			case data[p] >= 241:
				goto st57
			}
		default:
			goto st54
		}
		goto st590
	tr585:

		pb = p

		backslashes = append(backslashes, p)

		goto st51
	tr593:

		backslashes = append(backslashes, p)

		goto st51
	st51:
		if p++; p == pe {
			goto _testEof51
		}
	stCase51:
		if data[p] == 34 {
			goto st590
		}
		if 92 <= data[p] && data[p] <= 93 {
			goto st590
		}
		goto st0
	tr586:

		pb = p

		goto st52
	st52:
		if p++; p == pe {
			goto _testEof52
		}
	stCase52:
		if 128 <= data[p] && data[p] <= 191 {
			goto st590
		}
		goto st0
	tr587:

		pb = p

		goto st53
	st53:
		if p++; p == pe {
			goto _testEof53
		}
	stCase53:
		if 160 <= data[p] && data[p] <= 191 {
			goto st52
		}
		goto st0
	tr588:

		pb = p

		goto st54
	st54:
		if p++; p == pe {
			goto _testEof54
		}
	stCase54:
		if 128 <= data[p] && data[p] <= 191 {
			goto st52
		}
		goto st0
	tr589:

		pb = p

		goto st55
	st55:
		if p++; p == pe {
			goto _testEof55
		}
	stCase55:
		if 128 <= data[p] && data[p] <= 159 {
			goto st52
		}
		goto st0
	tr590:

		pb = p

		goto st56
	st56:
		if p++; p == pe {
			goto _testEof56
		}
	stCase56:
		if 144 <= data[p] && data[p] <= 191 {
			goto st54
		}
		goto st0
	tr591:

		pb = p

		goto st57
	st57:
		if p++; p == pe {
			goto _testEof57
		}
	stCase57:
		if 128 <= data[p] && data[p] <= 191 {
			goto st54
		}
		goto st0
	tr592:

		pb = p

		goto st58
	st58:
		if p++; p == pe {
			goto _testEof58
		}
	stCase58:
		if 128 <= data[p] && data[p] <= 143 {
			goto st54
		}
		goto st0
	stOut:
	_testEof60:
		cs = 60
		goto _testEof
	_testEof1:
		cs = 1
		goto _testEof
	_testEof2:
		cs = 2
		goto _testEof
	_testEof3:
		cs = 3
		goto _testEof
	_testEof4:
		cs = 4
		goto _testEof
	_testEof5:
		cs = 5
		goto _testEof
	_testEof6:
		cs = 6
		goto _testEof
	_testEof7:
		cs = 7
		goto _testEof
	_testEof9:
		cs = 9
		goto _testEof
	_testEof10:
		cs = 10
		goto _testEof
	_testEof11:
		cs = 11
		goto _testEof
	_testEof12:
		cs = 12
		goto _testEof
	_testEof13:
		cs = 13
		goto _testEof
	_testEof14:
		cs = 14
		goto _testEof
	_testEof15:
		cs = 15
		goto _testEof
	_testEof16:
		cs = 16
		goto _testEof
	_testEof17:
		cs = 17
		goto _testEof
	_testEof18:
		cs = 18
		goto _testEof
	_testEof19:
		cs = 19
		goto _testEof
	_testEof20:
		cs = 20
		goto _testEof
	_testEof21:
		cs = 21
		goto _testEof
	_testEof22:
		cs = 22
		goto _testEof
	_testEof23:
		cs = 23
		goto _testEof
	_testEof24:
		cs = 24
		goto _testEof
	_testEof25:
		cs = 25
		goto _testEof
	_testEof26:
		cs = 26
		goto _testEof
	_testEof27:
		cs = 27
		goto _testEof
	_testEof28:
		cs = 28
		goto _testEof
	_testEof29:
		cs = 29
		goto _testEof
	_testEof30:
		cs = 30
		goto _testEof
	_testEof31:
		cs = 31
		goto _testEof
	_testEof32:
		cs = 32
		goto _testEof
	_testEof61:
		cs = 61
		goto _testEof
	_testEof33:
		cs = 33
		goto _testEof
	_testEof34:
		cs = 34
		goto _testEof
	_testEof35:
		cs = 35
		goto _testEof
	_testEof36:
		cs = 36
		goto _testEof
	_testEof37:
		cs = 37
		goto _testEof
	_testEof38:
		cs = 38
		goto _testEof
	_testEof39:
		cs = 39
		goto _testEof
	_testEof40:
		cs = 40
		goto _testEof
	_testEof41:
		cs = 41
		goto _testEof
	_testEof42:
		cs = 42
		goto _testEof
	_testEof43:
		cs = 43
		goto _testEof
	_testEof44:
		cs = 44
		goto _testEof
	_testEof62:
		cs = 62
		goto _testEof
	_testEof63:
		cs = 63
		goto _testEof
	_testEof64:
		cs = 64
		goto _testEof
	_testEof65:
		cs = 65
		goto _testEof
	_testEof66:
		cs = 66
		goto _testEof
	_testEof67:
		cs = 67
		goto _testEof
	_testEof68:
		cs = 68
		goto _testEof
	_testEof69:
		cs = 69
		goto _testEof
	_testEof70:
		cs = 70
		goto _testEof
	_testEof71:
		cs = 71
		goto _testEof
	_testEof72:
		cs = 72
		goto _testEof
	_testEof73:
		cs = 73
		goto _testEof
	_testEof74:
		cs = 74
		goto _testEof
	_testEof75:
		cs = 75
		goto _testEof
	_testEof76:
		cs = 76
		goto _testEof
	_testEof77:
		cs = 77
		goto _testEof
	_testEof78:
		cs = 78
		goto _testEof
	_testEof79:
		cs = 79
		goto _testEof
	_testEof80:
		cs = 80
		goto _testEof
	_testEof81:
		cs = 81
		goto _testEof
	_testEof82:
		cs = 82
		goto _testEof
	_testEof83:
		cs = 83
		goto _testEof
	_testEof84:
		cs = 84
		goto _testEof
	_testEof85:
		cs = 85
		goto _testEof
	_testEof86:
		cs = 86
		goto _testEof
	_testEof87:
		cs = 87
		goto _testEof
	_testEof88:
		cs = 88
		goto _testEof
	_testEof89:
		cs = 89
		goto _testEof
	_testEof90:
		cs = 90
		goto _testEof
	_testEof91:
		cs = 91
		goto _testEof
	_testEof92:
		cs = 92
		goto _testEof
	_testEof93:
		cs = 93
		goto _testEof
	_testEof94:
		cs = 94
		goto _testEof
	_testEof95:
		cs = 95
		goto _testEof
	_testEof96:
		cs = 96
		goto _testEof
	_testEof97:
		cs = 97
		goto _testEof
	_testEof98:
		cs = 98
		goto _testEof
	_testEof99:
		cs = 99
		goto _testEof
	_testEof100:
		cs = 100
		goto _testEof
	_testEof101:
		cs = 101
		goto _testEof
	_testEof102:
		cs = 102
		goto _testEof
	_testEof103:
		cs = 103
		goto _testEof
	_testEof104:
		cs = 104
		goto _testEof
	_testEof105:
		cs = 105
		goto _testEof
	_testEof106:
		cs = 106
		goto _testEof
	_testEof107:
		cs = 107
		goto _testEof
	_testEof108:
		cs = 108
		goto _testEof
	_testEof109:
		cs = 109
		goto _testEof
	_testEof110:
		cs = 110
		goto _testEof
	_testEof111:
		cs = 111
		goto _testEof
	_testEof112:
		cs = 112
		goto _testEof
	_testEof113:
		cs = 113
		goto _testEof
	_testEof114:
		cs = 114
		goto _testEof
	_testEof115:
		cs = 115
		goto _testEof
	_testEof116:
		cs = 116
		goto _testEof
	_testEof117:
		cs = 117
		goto _testEof
	_testEof118:
		cs = 118
		goto _testEof
	_testEof119:
		cs = 119
		goto _testEof
	_testEof120:
		cs = 120
		goto _testEof
	_testEof121:
		cs = 121
		goto _testEof
	_testEof122:
		cs = 122
		goto _testEof
	_testEof123:
		cs = 123
		goto _testEof
	_testEof124:
		cs = 124
		goto _testEof
	_testEof125:
		cs = 125
		goto _testEof
	_testEof126:
		cs = 126
		goto _testEof
	_testEof127:
		cs = 127
		goto _testEof
	_testEof128:
		cs = 128
		goto _testEof
	_testEof129:
		cs = 129
		goto _testEof
	_testEof130:
		cs = 130
		goto _testEof
	_testEof131:
		cs = 131
		goto _testEof
	_testEof132:
		cs = 132
		goto _testEof
	_testEof133:
		cs = 133
		goto _testEof
	_testEof134:
		cs = 134
		goto _testEof
	_testEof135:
		cs = 135
		goto _testEof
	_testEof136:
		cs = 136
		goto _testEof
	_testEof137:
		cs = 137
		goto _testEof
	_testEof138:
		cs = 138
		goto _testEof
	_testEof139:
		cs = 139
		goto _testEof
	_testEof140:
		cs = 140
		goto _testEof
	_testEof141:
		cs = 141
		goto _testEof
	_testEof142:
		cs = 142
		goto _testEof
	_testEof143:
		cs = 143
		goto _testEof
	_testEof144:
		cs = 144
		goto _testEof
	_testEof145:
		cs = 145
		goto _testEof
	_testEof146:
		cs = 146
		goto _testEof
	_testEof147:
		cs = 147
		goto _testEof
	_testEof148:
		cs = 148
		goto _testEof
	_testEof149:
		cs = 149
		goto _testEof
	_testEof150:
		cs = 150
		goto _testEof
	_testEof151:
		cs = 151
		goto _testEof
	_testEof152:
		cs = 152
		goto _testEof
	_testEof153:
		cs = 153
		goto _testEof
	_testEof154:
		cs = 154
		goto _testEof
	_testEof155:
		cs = 155
		goto _testEof
	_testEof156:
		cs = 156
		goto _testEof
	_testEof157:
		cs = 157
		goto _testEof
	_testEof158:
		cs = 158
		goto _testEof
	_testEof159:
		cs = 159
		goto _testEof
	_testEof160:
		cs = 160
		goto _testEof
	_testEof161:
		cs = 161
		goto _testEof
	_testEof162:
		cs = 162
		goto _testEof
	_testEof163:
		cs = 163
		goto _testEof
	_testEof164:
		cs = 164
		goto _testEof
	_testEof165:
		cs = 165
		goto _testEof
	_testEof166:
		cs = 166
		goto _testEof
	_testEof167:
		cs = 167
		goto _testEof
	_testEof168:
		cs = 168
		goto _testEof
	_testEof169:
		cs = 169
		goto _testEof
	_testEof170:
		cs = 170
		goto _testEof
	_testEof171:
		cs = 171
		goto _testEof
	_testEof172:
		cs = 172
		goto _testEof
	_testEof173:
		cs = 173
		goto _testEof
	_testEof174:
		cs = 174
		goto _testEof
	_testEof175:
		cs = 175
		goto _testEof
	_testEof176:
		cs = 176
		goto _testEof
	_testEof177:
		cs = 177
		goto _testEof
	_testEof178:
		cs = 178
		goto _testEof
	_testEof179:
		cs = 179
		goto _testEof
	_testEof180:
		cs = 180
		goto _testEof
	_testEof181:
		cs = 181
		goto _testEof
	_testEof182:
		cs = 182
		goto _testEof
	_testEof183:
		cs = 183
		goto _testEof
	_testEof184:
		cs = 184
		goto _testEof
	_testEof185:
		cs = 185
		goto _testEof
	_testEof186:
		cs = 186
		goto _testEof
	_testEof187:
		cs = 187
		goto _testEof
	_testEof188:
		cs = 188
		goto _testEof
	_testEof189:
		cs = 189
		goto _testEof
	_testEof190:
		cs = 190
		goto _testEof
	_testEof191:
		cs = 191
		goto _testEof
	_testEof192:
		cs = 192
		goto _testEof
	_testEof193:
		cs = 193
		goto _testEof
	_testEof194:
		cs = 194
		goto _testEof
	_testEof195:
		cs = 195
		goto _testEof
	_testEof196:
		cs = 196
		goto _testEof
	_testEof197:
		cs = 197
		goto _testEof
	_testEof198:
		cs = 198
		goto _testEof
	_testEof199:
		cs = 199
		goto _testEof
	_testEof200:
		cs = 200
		goto _testEof
	_testEof201:
		cs = 201
		goto _testEof
	_testEof202:
		cs = 202
		goto _testEof
	_testEof203:
		cs = 203
		goto _testEof
	_testEof204:
		cs = 204
		goto _testEof
	_testEof205:
		cs = 205
		goto _testEof
	_testEof206:
		cs = 206
		goto _testEof
	_testEof207:
		cs = 207
		goto _testEof
	_testEof208:
		cs = 208
		goto _testEof
	_testEof209:
		cs = 209
		goto _testEof
	_testEof210:
		cs = 210
		goto _testEof
	_testEof211:
		cs = 211
		goto _testEof
	_testEof212:
		cs = 212
		goto _testEof
	_testEof213:
		cs = 213
		goto _testEof
	_testEof214:
		cs = 214
		goto _testEof
	_testEof215:
		cs = 215
		goto _testEof
	_testEof216:
		cs = 216
		goto _testEof
	_testEof217:
		cs = 217
		goto _testEof
	_testEof218:
		cs = 218
		goto _testEof
	_testEof219:
		cs = 219
		goto _testEof
	_testEof220:
		cs = 220
		goto _testEof
	_testEof221:
		cs = 221
		goto _testEof
	_testEof222:
		cs = 222
		goto _testEof
	_testEof223:
		cs = 223
		goto _testEof
	_testEof224:
		cs = 224
		goto _testEof
	_testEof225:
		cs = 225
		goto _testEof
	_testEof226:
		cs = 226
		goto _testEof
	_testEof227:
		cs = 227
		goto _testEof
	_testEof228:
		cs = 228
		goto _testEof
	_testEof229:
		cs = 229
		goto _testEof
	_testEof230:
		cs = 230
		goto _testEof
	_testEof231:
		cs = 231
		goto _testEof
	_testEof232:
		cs = 232
		goto _testEof
	_testEof233:
		cs = 233
		goto _testEof
	_testEof234:
		cs = 234
		goto _testEof
	_testEof235:
		cs = 235
		goto _testEof
	_testEof236:
		cs = 236
		goto _testEof
	_testEof237:
		cs = 237
		goto _testEof
	_testEof238:
		cs = 238
		goto _testEof
	_testEof239:
		cs = 239
		goto _testEof
	_testEof240:
		cs = 240
		goto _testEof
	_testEof241:
		cs = 241
		goto _testEof
	_testEof242:
		cs = 242
		goto _testEof
	_testEof243:
		cs = 243
		goto _testEof
	_testEof244:
		cs = 244
		goto _testEof
	_testEof245:
		cs = 245
		goto _testEof
	_testEof246:
		cs = 246
		goto _testEof
	_testEof247:
		cs = 247
		goto _testEof
	_testEof248:
		cs = 248
		goto _testEof
	_testEof249:
		cs = 249
		goto _testEof
	_testEof250:
		cs = 250
		goto _testEof
	_testEof251:
		cs = 251
		goto _testEof
	_testEof252:
		cs = 252
		goto _testEof
	_testEof253:
		cs = 253
		goto _testEof
	_testEof254:
		cs = 254
		goto _testEof
	_testEof255:
		cs = 255
		goto _testEof
	_testEof256:
		cs = 256
		goto _testEof
	_testEof257:
		cs = 257
		goto _testEof
	_testEof258:
		cs = 258
		goto _testEof
	_testEof259:
		cs = 259
		goto _testEof
	_testEof260:
		cs = 260
		goto _testEof
	_testEof261:
		cs = 261
		goto _testEof
	_testEof262:
		cs = 262
		goto _testEof
	_testEof263:
		cs = 263
		goto _testEof
	_testEof264:
		cs = 264
		goto _testEof
	_testEof265:
		cs = 265
		goto _testEof
	_testEof266:
		cs = 266
		goto _testEof
	_testEof267:
		cs = 267
		goto _testEof
	_testEof268:
		cs = 268
		goto _testEof
	_testEof269:
		cs = 269
		goto _testEof
	_testEof270:
		cs = 270
		goto _testEof
	_testEof271:
		cs = 271
		goto _testEof
	_testEof272:
		cs = 272
		goto _testEof
	_testEof273:
		cs = 273
		goto _testEof
	_testEof274:
		cs = 274
		goto _testEof
	_testEof275:
		cs = 275
		goto _testEof
	_testEof276:
		cs = 276
		goto _testEof
	_testEof277:
		cs = 277
		goto _testEof
	_testEof278:
		cs = 278
		goto _testEof
	_testEof279:
		cs = 279
		goto _testEof
	_testEof280:
		cs = 280
		goto _testEof
	_testEof281:
		cs = 281
		goto _testEof
	_testEof282:
		cs = 282
		goto _testEof
	_testEof283:
		cs = 283
		goto _testEof
	_testEof284:
		cs = 284
		goto _testEof
	_testEof285:
		cs = 285
		goto _testEof
	_testEof286:
		cs = 286
		goto _testEof
	_testEof287:
		cs = 287
		goto _testEof
	_testEof288:
		cs = 288
		goto _testEof
	_testEof289:
		cs = 289
		goto _testEof
	_testEof290:
		cs = 290
		goto _testEof
	_testEof291:
		cs = 291
		goto _testEof
	_testEof292:
		cs = 292
		goto _testEof
	_testEof293:
		cs = 293
		goto _testEof
	_testEof294:
		cs = 294
		goto _testEof
	_testEof295:
		cs = 295
		goto _testEof
	_testEof296:
		cs = 296
		goto _testEof
	_testEof297:
		cs = 297
		goto _testEof
	_testEof298:
		cs = 298
		goto _testEof
	_testEof299:
		cs = 299
		goto _testEof
	_testEof300:
		cs = 300
		goto _testEof
	_testEof301:
		cs = 301
		goto _testEof
	_testEof302:
		cs = 302
		goto _testEof
	_testEof303:
		cs = 303
		goto _testEof
	_testEof304:
		cs = 304
		goto _testEof
	_testEof305:
		cs = 305
		goto _testEof
	_testEof306:
		cs = 306
		goto _testEof
	_testEof307:
		cs = 307
		goto _testEof
	_testEof308:
		cs = 308
		goto _testEof
	_testEof309:
		cs = 309
		goto _testEof
	_testEof310:
		cs = 310
		goto _testEof
	_testEof311:
		cs = 311
		goto _testEof
	_testEof312:
		cs = 312
		goto _testEof
	_testEof313:
		cs = 313
		goto _testEof
	_testEof314:
		cs = 314
		goto _testEof
	_testEof315:
		cs = 315
		goto _testEof
	_testEof316:
		cs = 316
		goto _testEof
	_testEof317:
		cs = 317
		goto _testEof
	_testEof318:
		cs = 318
		goto _testEof
	_testEof319:
		cs = 319
		goto _testEof
	_testEof320:
		cs = 320
		goto _testEof
	_testEof321:
		cs = 321
		goto _testEof
	_testEof322:
		cs = 322
		goto _testEof
	_testEof323:
		cs = 323
		goto _testEof
	_testEof324:
		cs = 324
		goto _testEof
	_testEof325:
		cs = 325
		goto _testEof
	_testEof326:
		cs = 326
		goto _testEof
	_testEof327:
		cs = 327
		goto _testEof
	_testEof328:
		cs = 328
		goto _testEof
	_testEof329:
		cs = 329
		goto _testEof
	_testEof330:
		cs = 330
		goto _testEof
	_testEof331:
		cs = 331
		goto _testEof
	_testEof332:
		cs = 332
		goto _testEof
	_testEof333:
		cs = 333
		goto _testEof
	_testEof334:
		cs = 334
		goto _testEof
	_testEof335:
		cs = 335
		goto _testEof
	_testEof336:
		cs = 336
		goto _testEof
	_testEof337:
		cs = 337
		goto _testEof
	_testEof338:
		cs = 338
		goto _testEof
	_testEof339:
		cs = 339
		goto _testEof
	_testEof340:
		cs = 340
		goto _testEof
	_testEof341:
		cs = 341
		goto _testEof
	_testEof342:
		cs = 342
		goto _testEof
	_testEof343:
		cs = 343
		goto _testEof
	_testEof344:
		cs = 344
		goto _testEof
	_testEof345:
		cs = 345
		goto _testEof
	_testEof346:
		cs = 346
		goto _testEof
	_testEof347:
		cs = 347
		goto _testEof
	_testEof348:
		cs = 348
		goto _testEof
	_testEof349:
		cs = 349
		goto _testEof
	_testEof350:
		cs = 350
		goto _testEof
	_testEof351:
		cs = 351
		goto _testEof
	_testEof352:
		cs = 352
		goto _testEof
	_testEof353:
		cs = 353
		goto _testEof
	_testEof354:
		cs = 354
		goto _testEof
	_testEof355:
		cs = 355
		goto _testEof
	_testEof356:
		cs = 356
		goto _testEof
	_testEof357:
		cs = 357
		goto _testEof
	_testEof358:
		cs = 358
		goto _testEof
	_testEof359:
		cs = 359
		goto _testEof
	_testEof360:
		cs = 360
		goto _testEof
	_testEof361:
		cs = 361
		goto _testEof
	_testEof362:
		cs = 362
		goto _testEof
	_testEof363:
		cs = 363
		goto _testEof
	_testEof364:
		cs = 364
		goto _testEof
	_testEof365:
		cs = 365
		goto _testEof
	_testEof366:
		cs = 366
		goto _testEof
	_testEof367:
		cs = 367
		goto _testEof
	_testEof368:
		cs = 368
		goto _testEof
	_testEof369:
		cs = 369
		goto _testEof
	_testEof370:
		cs = 370
		goto _testEof
	_testEof371:
		cs = 371
		goto _testEof
	_testEof372:
		cs = 372
		goto _testEof
	_testEof373:
		cs = 373
		goto _testEof
	_testEof374:
		cs = 374
		goto _testEof
	_testEof375:
		cs = 375
		goto _testEof
	_testEof376:
		cs = 376
		goto _testEof
	_testEof377:
		cs = 377
		goto _testEof
	_testEof378:
		cs = 378
		goto _testEof
	_testEof379:
		cs = 379
		goto _testEof
	_testEof380:
		cs = 380
		goto _testEof
	_testEof381:
		cs = 381
		goto _testEof
	_testEof382:
		cs = 382
		goto _testEof
	_testEof383:
		cs = 383
		goto _testEof
	_testEof384:
		cs = 384
		goto _testEof
	_testEof385:
		cs = 385
		goto _testEof
	_testEof386:
		cs = 386
		goto _testEof
	_testEof387:
		cs = 387
		goto _testEof
	_testEof388:
		cs = 388
		goto _testEof
	_testEof389:
		cs = 389
		goto _testEof
	_testEof390:
		cs = 390
		goto _testEof
	_testEof391:
		cs = 391
		goto _testEof
	_testEof392:
		cs = 392
		goto _testEof
	_testEof393:
		cs = 393
		goto _testEof
	_testEof394:
		cs = 394
		goto _testEof
	_testEof395:
		cs = 395
		goto _testEof
	_testEof396:
		cs = 396
		goto _testEof
	_testEof397:
		cs = 397
		goto _testEof
	_testEof398:
		cs = 398
		goto _testEof
	_testEof399:
		cs = 399
		goto _testEof
	_testEof400:
		cs = 400
		goto _testEof
	_testEof401:
		cs = 401
		goto _testEof
	_testEof402:
		cs = 402
		goto _testEof
	_testEof403:
		cs = 403
		goto _testEof
	_testEof404:
		cs = 404
		goto _testEof
	_testEof405:
		cs = 405
		goto _testEof
	_testEof406:
		cs = 406
		goto _testEof
	_testEof407:
		cs = 407
		goto _testEof
	_testEof408:
		cs = 408
		goto _testEof
	_testEof409:
		cs = 409
		goto _testEof
	_testEof410:
		cs = 410
		goto _testEof
	_testEof411:
		cs = 411
		goto _testEof
	_testEof412:
		cs = 412
		goto _testEof
	_testEof413:
		cs = 413
		goto _testEof
	_testEof414:
		cs = 414
		goto _testEof
	_testEof415:
		cs = 415
		goto _testEof
	_testEof416:
		cs = 416
		goto _testEof
	_testEof417:
		cs = 417
		goto _testEof
	_testEof418:
		cs = 418
		goto _testEof
	_testEof419:
		cs = 419
		goto _testEof
	_testEof420:
		cs = 420
		goto _testEof
	_testEof421:
		cs = 421
		goto _testEof
	_testEof422:
		cs = 422
		goto _testEof
	_testEof423:
		cs = 423
		goto _testEof
	_testEof424:
		cs = 424
		goto _testEof
	_testEof425:
		cs = 425
		goto _testEof
	_testEof426:
		cs = 426
		goto _testEof
	_testEof427:
		cs = 427
		goto _testEof
	_testEof428:
		cs = 428
		goto _testEof
	_testEof429:
		cs = 429
		goto _testEof
	_testEof430:
		cs = 430
		goto _testEof
	_testEof431:
		cs = 431
		goto _testEof
	_testEof432:
		cs = 432
		goto _testEof
	_testEof433:
		cs = 433
		goto _testEof
	_testEof434:
		cs = 434
		goto _testEof
	_testEof435:
		cs = 435
		goto _testEof
	_testEof436:
		cs = 436
		goto _testEof
	_testEof437:
		cs = 437
		goto _testEof
	_testEof438:
		cs = 438
		goto _testEof
	_testEof439:
		cs = 439
		goto _testEof
	_testEof440:
		cs = 440
		goto _testEof
	_testEof441:
		cs = 441
		goto _testEof
	_testEof442:
		cs = 442
		goto _testEof
	_testEof443:
		cs = 443
		goto _testEof
	_testEof444:
		cs = 444
		goto _testEof
	_testEof445:
		cs = 445
		goto _testEof
	_testEof446:
		cs = 446
		goto _testEof
	_testEof447:
		cs = 447
		goto _testEof
	_testEof448:
		cs = 448
		goto _testEof
	_testEof449:
		cs = 449
		goto _testEof
	_testEof450:
		cs = 450
		goto _testEof
	_testEof451:
		cs = 451
		goto _testEof
	_testEof452:
		cs = 452
		goto _testEof
	_testEof453:
		cs = 453
		goto _testEof
	_testEof454:
		cs = 454
		goto _testEof
	_testEof455:
		cs = 455
		goto _testEof
	_testEof456:
		cs = 456
		goto _testEof
	_testEof457:
		cs = 457
		goto _testEof
	_testEof458:
		cs = 458
		goto _testEof
	_testEof459:
		cs = 459
		goto _testEof
	_testEof460:
		cs = 460
		goto _testEof
	_testEof461:
		cs = 461
		goto _testEof
	_testEof462:
		cs = 462
		goto _testEof
	_testEof463:
		cs = 463
		goto _testEof
	_testEof464:
		cs = 464
		goto _testEof
	_testEof465:
		cs = 465
		goto _testEof
	_testEof466:
		cs = 466
		goto _testEof
	_testEof467:
		cs = 467
		goto _testEof
	_testEof468:
		cs = 468
		goto _testEof
	_testEof469:
		cs = 469
		goto _testEof
	_testEof470:
		cs = 470
		goto _testEof
	_testEof471:
		cs = 471
		goto _testEof
	_testEof472:
		cs = 472
		goto _testEof
	_testEof473:
		cs = 473
		goto _testEof
	_testEof474:
		cs = 474
		goto _testEof
	_testEof475:
		cs = 475
		goto _testEof
	_testEof476:
		cs = 476
		goto _testEof
	_testEof477:
		cs = 477
		goto _testEof
	_testEof478:
		cs = 478
		goto _testEof
	_testEof479:
		cs = 479
		goto _testEof
	_testEof480:
		cs = 480
		goto _testEof
	_testEof481:
		cs = 481
		goto _testEof
	_testEof482:
		cs = 482
		goto _testEof
	_testEof483:
		cs = 483
		goto _testEof
	_testEof484:
		cs = 484
		goto _testEof
	_testEof485:
		cs = 485
		goto _testEof
	_testEof486:
		cs = 486
		goto _testEof
	_testEof487:
		cs = 487
		goto _testEof
	_testEof488:
		cs = 488
		goto _testEof
	_testEof489:
		cs = 489
		goto _testEof
	_testEof490:
		cs = 490
		goto _testEof
	_testEof491:
		cs = 491
		goto _testEof
	_testEof492:
		cs = 492
		goto _testEof
	_testEof493:
		cs = 493
		goto _testEof
	_testEof494:
		cs = 494
		goto _testEof
	_testEof495:
		cs = 495
		goto _testEof
	_testEof496:
		cs = 496
		goto _testEof
	_testEof497:
		cs = 497
		goto _testEof
	_testEof498:
		cs = 498
		goto _testEof
	_testEof499:
		cs = 499
		goto _testEof
	_testEof500:
		cs = 500
		goto _testEof
	_testEof501:
		cs = 501
		goto _testEof
	_testEof502:
		cs = 502
		goto _testEof
	_testEof503:
		cs = 503
		goto _testEof
	_testEof504:
		cs = 504
		goto _testEof
	_testEof505:
		cs = 505
		goto _testEof
	_testEof506:
		cs = 506
		goto _testEof
	_testEof507:
		cs = 507
		goto _testEof
	_testEof508:
		cs = 508
		goto _testEof
	_testEof509:
		cs = 509
		goto _testEof
	_testEof510:
		cs = 510
		goto _testEof
	_testEof511:
		cs = 511
		goto _testEof
	_testEof512:
		cs = 512
		goto _testEof
	_testEof513:
		cs = 513
		goto _testEof
	_testEof514:
		cs = 514
		goto _testEof
	_testEof515:
		cs = 515
		goto _testEof
	_testEof516:
		cs = 516
		goto _testEof
	_testEof517:
		cs = 517
		goto _testEof
	_testEof518:
		cs = 518
		goto _testEof
	_testEof519:
		cs = 519
		goto _testEof
	_testEof520:
		cs = 520
		goto _testEof
	_testEof521:
		cs = 521
		goto _testEof
	_testEof522:
		cs = 522
		goto _testEof
	_testEof523:
		cs = 523
		goto _testEof
	_testEof524:
		cs = 524
		goto _testEof
	_testEof525:
		cs = 525
		goto _testEof
	_testEof526:
		cs = 526
		goto _testEof
	_testEof527:
		cs = 527
		goto _testEof
	_testEof528:
		cs = 528
		goto _testEof
	_testEof529:
		cs = 529
		goto _testEof
	_testEof530:
		cs = 530
		goto _testEof
	_testEof531:
		cs = 531
		goto _testEof
	_testEof532:
		cs = 532
		goto _testEof
	_testEof533:
		cs = 533
		goto _testEof
	_testEof534:
		cs = 534
		goto _testEof
	_testEof535:
		cs = 535
		goto _testEof
	_testEof536:
		cs = 536
		goto _testEof
	_testEof537:
		cs = 537
		goto _testEof
	_testEof538:
		cs = 538
		goto _testEof
	_testEof539:
		cs = 539
		goto _testEof
	_testEof540:
		cs = 540
		goto _testEof
	_testEof541:
		cs = 541
		goto _testEof
	_testEof542:
		cs = 542
		goto _testEof
	_testEof543:
		cs = 543
		goto _testEof
	_testEof544:
		cs = 544
		goto _testEof
	_testEof545:
		cs = 545
		goto _testEof
	_testEof546:
		cs = 546
		goto _testEof
	_testEof547:
		cs = 547
		goto _testEof
	_testEof548:
		cs = 548
		goto _testEof
	_testEof549:
		cs = 549
		goto _testEof
	_testEof550:
		cs = 550
		goto _testEof
	_testEof551:
		cs = 551
		goto _testEof
	_testEof552:
		cs = 552
		goto _testEof
	_testEof553:
		cs = 553
		goto _testEof
	_testEof554:
		cs = 554
		goto _testEof
	_testEof555:
		cs = 555
		goto _testEof
	_testEof556:
		cs = 556
		goto _testEof
	_testEof557:
		cs = 557
		goto _testEof
	_testEof558:
		cs = 558
		goto _testEof
	_testEof559:
		cs = 559
		goto _testEof
	_testEof560:
		cs = 560
		goto _testEof
	_testEof561:
		cs = 561
		goto _testEof
	_testEof562:
		cs = 562
		goto _testEof
	_testEof563:
		cs = 563
		goto _testEof
	_testEof564:
		cs = 564
		goto _testEof
	_testEof565:
		cs = 565
		goto _testEof
	_testEof566:
		cs = 566
		goto _testEof
	_testEof567:
		cs = 567
		goto _testEof
	_testEof568:
		cs = 568
		goto _testEof
	_testEof569:
		cs = 569
		goto _testEof
	_testEof570:
		cs = 570
		goto _testEof
	_testEof571:
		cs = 571
		goto _testEof
	_testEof572:
		cs = 572
		goto _testEof
	_testEof573:
		cs = 573
		goto _testEof
	_testEof574:
		cs = 574
		goto _testEof
	_testEof575:
		cs = 575
		goto _testEof
	_testEof576:
		cs = 576
		goto _testEof
	_testEof577:
		cs = 577
		goto _testEof
	_testEof578:
		cs = 578
		goto _testEof
	_testEof579:
		cs = 579
		goto _testEof
	_testEof580:
		cs = 580
		goto _testEof
	_testEof581:
		cs = 581
		goto _testEof
	_testEof582:
		cs = 582
		goto _testEof
	_testEof583:
		cs = 583
		goto _testEof
	_testEof584:
		cs = 584
		goto _testEof
	_testEof585:
		cs = 585
		goto _testEof
	_testEof586:
		cs = 586
		goto _testEof
	_testEof587:
		cs = 587
		goto _testEof
	_testEof588:
		cs = 588
		goto _testEof
	_testEof590:
		cs = 590
		goto _testEof
	_testEof51:
		cs = 51
		goto _testEof
	_testEof52:
		cs = 52
		goto _testEof
	_testEof53:
		cs = 53
		goto _testEof
	_testEof54:
		cs = 54
		goto _testEof
	_testEof55:
		cs = 55
		goto _testEof
	_testEof56:
		cs = 56
		goto _testEof
	_testEof57:
		cs = 57
		goto _testEof
	_testEof58:
		cs = 58
		goto _testEof

	_testEof:
		{
		}
		if p == eof {
			switch cs {
			case 61:

				if t, e := time.Parse(RFC3339MICRO, string(data[pb:p])); e == nil {
					sm.Timestamp = &t
				}

			case 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314, 315, 316:

				if s := string(data[pb:p]); s != "-" {
					sm.Hostname = &s
				}

			case 317, 318, 319, 320, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 332, 333, 334, 335, 336, 337, 338, 339, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363, 364:

				if s := string(data[pb:p]); s != "-" {
					sm.Appname = &s
				}

			case 365, 366, 367, 368, 369, 370, 371, 372, 373, 374, 375, 376, 377, 378, 379, 380, 381, 382, 383, 384, 385, 386, 387, 388, 389, 390, 391, 392, 393, 394, 395, 396, 397, 398, 399, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 419, 420, 421, 422, 423, 424, 425, 426, 427, 428, 429, 430, 431, 432, 433, 434, 435, 436, 437, 438, 439, 440, 441, 442, 443, 444, 445, 446, 447, 448, 449, 450, 451, 452, 453, 454, 455, 456, 457, 458, 459, 460, 461, 462, 463, 464, 465, 466, 467, 468, 469, 470, 471, 472, 473, 474, 475, 476, 477, 478, 479, 480, 481, 482, 483, 484, 485, 486, 487, 488, 489, 490, 491, 492:

				if s := string(data[pb:p]); s != "-" {
					sm.ProcID = &s
				}

			case 493, 494, 495, 496, 497, 498, 499, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 512, 513, 514, 515, 516, 517, 518, 519, 520, 521, 522, 523, 524:

				if s := string(data[pb:p]); s != "-" {
					sm.MsgID = &s
				}

			case 525, 526, 527, 528, 529, 530, 531, 532, 533, 534, 535, 536, 537, 538, 539, 540, 541, 542, 543, 544, 545, 546, 547, 548, 549, 550, 551, 552, 553, 554, 555, 556:

				if sm.StructuredData == nil {
					sm.StructuredData = &(map[string]map[string]string{})
				}

				id := string(data[pb:p])
				elements := *sm.StructuredData
				if _, ok := elements[id]; !ok {
					elements[id] = map[string]string{}
				}

			case 557, 558, 559, 560, 561, 562, 563, 564, 565, 566, 567, 568, 569, 570, 571, 572, 573, 574, 575, 576, 577, 578, 579, 580, 581, 582, 583, 584, 585, 586, 587, 588:

				// Assuming SD map already exists, contains currentid key (set from outside)
				elements := *sm.StructuredData
				elements[currentid][string(data[pb:p])] = ""

			case 590:

				// Store text
				text := data[pb:p]
				// Strip backslashes only when there are ...
				if len(backslashes) > 0 {
					text = common.RemoveBytes(text, backslashes, pb)
				}
				// Assuming SD map already exists, contains currentid key and currentparamname key (set from outside)
				elements := *sm.StructuredData
				elements[currentid][currentparamname] = string(text)

			case 60:

				if s := string(data[pb:p]); s != "" {
					sm.Message = &s
				}

			case 589:

				pb = p

				// Store text
				text := data[pb:p]
				// Strip backslashes only when there are ...
				if len(backslashes) > 0 {
					text = common.RemoveBytes(text, backslashes, pb)
				}
				// Assuming SD map already exists, contains currentid key and currentparamname key (set from outside)
				elements := *sm.StructuredData
				elements[currentid][currentparamname] = string(text)

			case 59:

				pb = p

				if s := string(data[pb:p]); s != "" {
					sm.Message = &s
				}

			}
		}

	_out:
		{
		}
	}

	return sm
}

// SetPriority set the priority value and the computed facility and severity codes accordingly.
//
// It ignores incorrect priority values (range [0, 191]).
func (sm *SyslogMessage) SetPriority(value uint8) Builder {
	if common.ValidPriority(value) {
		sm.ComputeFromPriority(value)
	}

	return sm
}

// SetVersion set the version value.
//
// It ignores incorrect version values (range ]0, 999]).
func (sm *SyslogMessage) SetVersion(value uint16) Builder {
	if common.ValidVersion(value) {
		sm.Version = value
	}

	return sm
}

// SetTimestamp set the timestamp value.
func (sm *SyslogMessage) SetTimestamp(value string) Builder {
	return sm.set(timestamp, value)
}

// SetHostname set the hostname value.
func (sm *SyslogMessage) SetHostname(value string) Builder {
	return sm.set(hostname, value)
}

// SetAppname set the appname value.
func (sm *SyslogMessage) SetAppname(value string) Builder {
	return sm.set(appname, value)
}

// SetProcID set the procid value.
func (sm *SyslogMessage) SetProcID(value string) Builder {
	return sm.set(procid, value)
}

// SetMsgID set the msgid value.
func (sm *SyslogMessage) SetMsgID(value string) Builder {
	return sm.set(msgid, value)
}

// SetElementID set a structured data id.
//
// When the provided id already exists the operation is discarded.
func (sm *SyslogMessage) SetElementID(value string) Builder {
	return sm.set(sdid, value)
}

// SetParameter set a structured data parameter belonging to the given element.
//
// If the element does not exist it creates one with the given element id.
// When a parameter with the given name already exists for the given element the operation is discarded.
func (sm *SyslogMessage) SetParameter(id string, name string, value string) Builder {
	// Create an element with the given id (or re-use the existing one)
	sm.set(sdid, id)

	// We can create parameter iff the given element id exists
	if sm.StructuredData != nil {
		elements := *sm.StructuredData
		if _, ok := elements[id]; ok {
			currentid = id
			sm.set(sdpn, name)
			// We can assign parameter value iff the given parameter key exists
			if _, ok := elements[id][name]; ok {
				currentparamname = name
				sm.set(sdpv, value)
			}
		}
	}

	return sm
}

// SetMessage set the message value.
func (sm *SyslogMessage) SetMessage(value string) Builder {
	return sm.set(msg, value)
}

func (sm *SyslogMessage) String() (string, error) {
	if !sm.Valid() {
		return "", fmt.Errorf("invalid syslog")
	}

	template := "<%d>%d %s %s %s %s %s %s%s"

	t := "-"
	hn := "-"
	an := "-"
	pid := "-"
	mid := "-"
	sd := "-"
	m := ""
	if sm.Timestamp != nil {
		t = sm.Timestamp.Format("2006-01-02T15:04:05.999999Z07:00") // verify 07:00
	}
	if sm.Hostname != nil {
		hn = *sm.Hostname
	}
	if sm.Appname != nil {
		an = *sm.Appname
	}
	if sm.ProcID != nil {
		pid = *sm.ProcID
	}
	if sm.MsgID != nil {
		mid = *sm.MsgID
	}
	if sm.StructuredData != nil {
		// Sort element identifiers
		identifiers := make([]string, 0)
		for k := range *sm.StructuredData {
			identifiers = append(identifiers, k)
		}
		sort.Strings(identifiers)

		sd = ""
		for _, id := range identifiers {
			sd += fmt.Sprintf("[%s", id)

			// Sort parameter names
			params := (*sm.StructuredData)[id]
			names := make([]string, 0)
			for n := range params {
				names = append(names, n)
			}
			sort.Strings(names)

			for _, name := range names {
				sd += fmt.Sprintf(" %s=\"%s\"", name, common.EscapeBytes(params[name]))
			}
			sd += "]"
		}
	}
	if sm.Message != nil {
		m = " " + *sm.Message
	}

	return fmt.Sprintf(template, *sm.Priority, sm.Version, t, hn, an, pid, mid, sd, m), nil
}
