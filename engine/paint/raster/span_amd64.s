//go:build !purego

#include "textflag.h"

// func overSpanAVX2(row []uint8, p uint32)
//
// Src-over of the premultiplied pixel p on every pixel of row, whose length
// is a multiple of 32 bytes (8 pixels): dst = p + round(dst·(255−αp)/255).
// Each 32-byte load is widened to 16-bit lanes (unpack against zero, in
// 128-bit lanes, undone exactly by the in-lane pack), scaled by ia = 255−αp
// and divided by 255 with exact rounding: t = x + 128, (t + t>>8) >> 8,
// the same trick as scale32 (x ≤ 255·255 keeps t + t>>8 < 2¹⁶). Adding p
// cannot carry because p's channels are ≤ αp.
TEXT ·overSpanAVX2(SB), NOSPLIT, $0-28
	MOVQ row_base+0(FP), DI
	MOVQ row_len+8(FP), CX
	MOVL p+24(FP), AX

	// Y1: ia in every 16-bit lane; Y2: p in every pixel; Y3: 128 per lane.
	MOVL AX, BX
	SHRL $24, BX
	XORL $255, BX
	MOVL BX, DX
	SHLL $16, DX
	ORL  BX, DX
	VMOVD DX, X1
	VPBROADCASTD X1, Y1
	VMOVD AX, X2
	VPBROADCASTD X2, Y2
	MOVL $0x00800080, DX
	VMOVD DX, X3
	VPBROADCASTD X3, Y3
	VPXOR Y0, Y0, Y0

	SHRQ $5, CX
	JZ   done

	// Two blocks (16 pixels) per iteration while they last.
	MOVQ CX, BX
	SHRQ $1, BX
	JZ   single

pair:
	VMOVDQU (DI), Y4
	VMOVDQU 32(DI), Y9
	VPUNPCKLBW Y0, Y4, Y5
	VPUNPCKHBW Y0, Y4, Y6
	VPUNPCKLBW Y0, Y9, Y10
	VPUNPCKHBW Y0, Y9, Y11
	VPMULLW Y1, Y5, Y5
	VPMULLW Y1, Y6, Y6
	VPMULLW Y1, Y10, Y10
	VPMULLW Y1, Y11, Y11
	VPADDW  Y3, Y5, Y5
	VPADDW  Y3, Y6, Y6
	VPADDW  Y3, Y10, Y10
	VPADDW  Y3, Y11, Y11
	VPSRLW  $8, Y5, Y7
	VPSRLW  $8, Y6, Y8
	VPSRLW  $8, Y10, Y12
	VPSRLW  $8, Y11, Y13
	VPADDW  Y7, Y5, Y5
	VPADDW  Y8, Y6, Y6
	VPADDW  Y12, Y10, Y10
	VPADDW  Y13, Y11, Y11
	VPSRLW  $8, Y5, Y5
	VPSRLW  $8, Y6, Y6
	VPSRLW  $8, Y10, Y10
	VPSRLW  $8, Y11, Y11
	VPACKUSWB Y6, Y5, Y5
	VPACKUSWB Y11, Y10, Y10
	VPADDB  Y2, Y5, Y5
	VPADDB  Y2, Y10, Y10
	VMOVDQU Y5, (DI)
	VMOVDQU Y10, 32(DI)
	ADDQ $64, DI
	DECQ BX
	JNZ  pair

single:
	TESTQ $1, CX
	JZ    done
	VMOVDQU (DI), Y4
	VPUNPCKLBW Y0, Y4, Y5
	VPUNPCKHBW Y0, Y4, Y6
	VPMULLW Y1, Y5, Y5
	VPMULLW Y1, Y6, Y6
	VPADDW  Y3, Y5, Y5
	VPADDW  Y3, Y6, Y6
	VPSRLW  $8, Y5, Y7
	VPSRLW  $8, Y6, Y8
	VPADDW  Y7, Y5, Y5
	VPADDW  Y8, Y6, Y6
	VPSRLW  $8, Y5, Y5
	VPSRLW  $8, Y6, Y6
	VPACKUSWB Y6, Y5, Y5
	VPADDB  Y2, Y5, Y5
	VMOVDQU Y5, (DI)

done:
	VZEROUPPER
	RET
