/* regels — small enhancements; every page also works without this file.
   - the map: a click puts the RD point in the coordinate fields and marks it;
   - the question form: after each answer, asks the server which questions are still needed (and shows unit and number problems);
   - the report: print button, and every <details> opened for printing. */
(function () {
  "use strict";

  function nl(getal, decimalen) { return getal.toFixed(decimalen).replace(".", ","); }

  function kaart() {
    var svg = document.getElementById("kaart");
    var form = document.getElementById("coordinaten");
    if (!svg || !form) { return; }
    var minx = parseFloat(svg.dataset.minx), maxy = parseFloat(svg.dataset.maxy), schaal = parseFloat(svg.dataset.schaal);
    var merk = svg.querySelector(".markering");
    svg.addEventListener("click", function (e) {
      var pt = svg.createSVGPoint();
      pt.x = e.clientX; pt.y = e.clientY;
      var p = pt.matrixTransform(svg.getScreenCTM().inverse());
      var x = minx + p.x / schaal, y = maxy - p.y / schaal;
      form.querySelector("#crs-rd").checked = true;
      form.querySelector("#x").value = nl(x, 1);
      form.querySelector("#y").value = nl(y, 1);
      if (merk) { merk.setAttribute("cx", p.x.toFixed(1)); merk.setAttribute("cy", p.y.toFixed(1)); merk.removeAttribute("hidden"); }
      var naam = e.target && e.target.dataset ? e.target.dataset.naam : "";
      var uit = document.getElementById("kaart-keuze");
      if (uit) { uit.textContent = "Gekozen punt (RD): " + nl(x, 1) + ", " + nl(y, 1) + (naam ? " — " + naam : "") + ". Kies “Verder naar de activiteiten”."; }
    });
  }

  function vragen() {
    var form = document.getElementById("vragen-form");
    if (!form || !window.fetch) { return; }
    var timer = null, volgnummer = 0;
    function toon(data) {
      var verborgen = data.verborgen || [];
      var relevant = data.relevant;
      var n = 0;
      form.querySelectorAll(".vraag[data-veld]").forEach(function (blok) {
        var id = blok.dataset.veld;
        var weg = relevant !== null && relevant !== undefined && verborgen.indexOf(id) >= 0;
        blok.hidden = weg;
        if (weg) { n += 1; }
      });
      var melding = document.getElementById("verborgen-melding");
      if (melding) {
        melding.textContent = n ? (n === 1 ? "1 vraag is met deze antwoorden niet nodig en is verborgen." :
          n + " vragen zijn met deze antwoorden niet nodig en zijn verborgen.") : "";
      }
      var fouten = data.fouten || {};
      form.querySelectorAll(".veldfout[id$='-fout']").forEach(function (el) {
        var id = el.id.slice(0, -5);
        if (id === "omschrijving") { return; }
        var berichten = (fouten[id] || []).concat(fouten[id.replace(/^feit-/, "eenheid-")] || []);
        if (id.indexOf("feit-") !== 0) { berichten = fouten[id] || []; }
        el.textContent = berichten.join("; ");
        el.hidden = berichten.length === 0;
        var veld = document.getElementById(id);
        if (veld) { if (berichten.length) { veld.setAttribute("aria-invalid", "true"); } else { veld.removeAttribute("aria-invalid"); } }
      });
    }
    function klaar(nummer) { if (nummer === volgnummer) { delete form.dataset.bezig; } }
    function vraag() {
      var nummer = ++volgnummer;
      var body = new URLSearchParams(new FormData(form));
      fetch("/vragen/relevant", { method: "POST", body: body, headers: { "Content-Type": "application/x-www-form-urlencoded" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data && nummer === volgnummer) { toon(data); form.dataset.bijgewerkt = String(nummer); } klaar(nummer); })
        .catch(function () { klaar(nummer); /* the server checks everything again on submit */ });
    }
    form.addEventListener("change", function () {
      form.dataset.bezig = "1";  /* until the answer to the latest change is shown */
      clearTimeout(timer); timer = setTimeout(vraag, 150);
    });
    form.dataset.bezig = "1";
    vraag();
  }

  function rapport() {
    var knop = document.getElementById("afdrukken");
    if (knop) { knop.addEventListener("click", function () { window.print(); }); }
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    });
    var fouten = document.getElementById("foutoverzicht");
    if (fouten) { fouten.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () { kaart(); vragen(); rapport(); });
}());
