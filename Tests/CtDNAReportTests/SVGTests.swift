import Testing
@testable import CtDNAReport

@Suite("SVG builder")
struct SVGTests {
    @Test func numbersAreFixedPrecision() {
        #expect(SVGNumber.format(12.5) == "12.50")
        #expect(SVGNumber.format(-3.0749) == "-3.07")
        #expect(SVGNumber.format(-0.001) == "0.00")
        #expect(SVGNumber.format(0.005) == "0.01")
        #expect(SVGNumber.format(7, decimals: 0) == "7")
        #expect(SVGNumber.format(.nan) == "0.00")
    }

    @Test func shapesRenderExactly() {
        #expect(SVGElement.line(x1: 1, y1: 2, x2: 3, y2: 4.567).render()
            == #"<line x1="1.00" y1="2.00" x2="3.00" y2="4.57"/>"#)
        #expect(SVGElement.polyline([(0, 1), (2.5, 3)]).cssClass("patient-line").render()
            == #"<polyline points="0.00,1.00 2.50,3.00" class="patient-line"/>"#)
        #expect(SVGElement.rect(x: 10, y: 50, width: 4, height: -20).render()
            == #"<rect x="10.00" y="30.00" width="4.00" height="20.00"/>"#)
        #expect(SVGElement.text("a", x: 1, y: 2, anchor: .end).render()
            == #"<text x="1.00" y="2.00" text-anchor="end">a</text>"#)
        #expect(SVGElement.circle(x: 1, y: 2, radius: 3).tooltip("P1: 0.5").render()
            == "<circle cx=\"1.00\" cy=\"2.00\" r=\"3.00\">\n<title>P1: 0.5</title>\n</circle>")
    }

    @Test func documentAndGroups() {
        let svg = SVGElement.document(width: 20, height: 10, title: "A <figure>", armCount: 2, children: [
            SVGElement.group(className: "g", [SVGElement.circle(x: 1, y: 1, radius: 1)]),
        ])
        // Title, the figure's own style, a white background over the whole view box, then the content.
        #expect(svg.render() == """
            <svg xmlns="http://www.w3.org/2000/svg" width="20.00" height="10.00" viewBox="0.00 0.00 20.00 10.00">
            <title>A &lt;figure&gt;</title>
            <style type="text/css">
            \(MarkupEscaping.escape(ReportStyle.figureCSS(armCount: 2)))
            </style>
            <rect x="0.00" y="0.00" width="20.00" height="10.00" fill="#ffffff" class="figure-background"/>
            <g class="g">
            <circle cx="1.00" cy="1.00" r="1.00"/>
            </g>
            </svg>
            """)
        // Without a title there is none; the default style colours every palette colour's arm.
        let untitled = SVGElement.document(width: 20, height: 10, children: []).render()
        #expect(!untitled.contains("<title>"))
        #expect(untitled.contains(".arm-6 { stroke: #000000; }"))
        #expect(!untitled.contains(".arm-7 "))
    }

    @Test func textAndAttributesAreEscaped() {
        #expect(MarkupEscaping.escape(#"<P&1> "x" 'y'"#) == "&lt;P&amp;1&gt; &quot;x&quot; &#39;y&#39;")
        #expect(SVGElement.text("<P&1>", x: 0, y: 0).attribute("data-arm", "A\"B").render()
            == #"<text x="0.00" y="0.00" data-arm="A&quot;B">&lt;P&amp;1&gt;</text>"#)
    }

    @Test func linearScaleMapsAndChoosesNiceTicks() {
        let scale = LinearScale(domain: (-0.1, 0.35), range: (200, 0))
        #expect(scale.position(-0.1) == 200)
        #expect(scale.position(0.35) == 0)
        #expect(abs(scale.position(0.125) - 100) < 1e-9)
        #expect(scale.tickStep() == 0.1)
        #expect(scale.ticks().map(\.label) == ["-0.1", "0.0", "0.1", "0.2", "0.3"])
    }

    @Test func logScaleMapsDecadesEvenly() {
        let scale = LogScale(domain: (0.001, 1), range: (300, 0))
        #expect(abs(scale.position(0.01) - 200) < 1e-9)
        #expect(abs(scale.position(0.1) - 100) < 1e-9)
    }

    @Test func logTicksArePowersOfTenWithUnlabelledSubdivisions() {
        let ticks = LogScale(domain: (0.0015, 0.3), range: (100, 0)).ticks()
        #expect(ticks.map(\.value) == [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2].map { $0 })
        #expect(ticks.map(\.label) == [nil, nil, "0.01", nil, nil, "0.1", nil])
    }

    @Test func logTicksWithinADecadeAreAllLabelled() {
        let ticks = LogScale(domain: (1.5, 60), range: (100, 0)).ticks()
        #expect(ticks.map(\.label) == ["2", "5", "10", "20", "50"])
        #expect(LogScale.label(mantissa: 5, exponent: -7) == "5e-7")
    }
}
