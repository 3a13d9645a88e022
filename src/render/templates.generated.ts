// GENERATED from templates/**/*.hbs by src/build/templates.ts: do not edit.
// Run `npm run generate` after changing a template.
// @ts-nocheck
import type { TemplateSpec } from './engine.js';
import { cachedProgram } from './program-cache.js';

export const templates: Record<string, TemplateSpec> = {
  "checklist/default": {
    helpers: ["plainText","textField","textLine"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":2,"column":0},"end":{"line":4,"column":7}},{"start":{"line":5,"column":0},"end":{"line":7,"column":9}},{"start":{"line":8,"column":0},"end":{"line":10,"column":7}},{"start":{"line":11,"column":0},"end":{"line":13,"column":7}},{"start":{"line":15,"column":0},"end":{"line":17,"column":9}},{"start":{"line":3,"column":0},"end":{"line":3,"column":27}},{"start":{"line":6,"column":0},"end":{"line":6,"column":26}},{"start":{"line":9,"column":0},"end":{"line":9,"column":26}},{"start":{"line":12,"column":0},"end":{"line":12,"column":29}},{"start":{"line":16,"column":0},"end":{"line":16,"column":34}},{"start":{"line":20,"column":0},"end":{"line":20,"column":20}},{"start":{"line":31,"column":0},"end":{"line":31,"column":26}},{"start":{"line":40,"column":0},"end":{"line":40,"column":23}},{"start":{"line":45,"column":7},"end":{"line":45,"column":8}},{"start":{"line":45,"column":16},"end":{"line":45,"column":27}},{"start":{"line":45,"column":31},"end":{"line":45,"column":52}},{"start":{"line":52,"column":0},"end":{"line":52,"column":21}},{"start":{"line":54,"column":0},"end":{"line":54,"column":21}},{"start":{"line":55,"column":0},"end":{"line":61,"column":9}},{"start":{"line":58,"column":0},"end":{"line":58,"column":23}},{"start":{"line":75,"column":0},"end":{"line":75,"column":22}},{"start":{"line":19,"column":0},"end":{"line":21,"column":9}},{"start":{"line":24,"column":0},"end":{"line":24,"column":21}},{"start":{"line":27,"column":0},"end":{"line":27,"column":26}},{"start":{"line":30,"column":0},"end":{"line":32,"column":9}},{"start":{"line":35,"column":0},"end":{"line":35,"column":24}},{"start":{"line":37,"column":0},"end":{"line":37,"column":25}},{"start":{"line":38,"column":0},"end":{"line":41,"column":7}},{"start":{"line":42,"column":0},"end":{"line":48,"column":9}},{"start":{"line":49,"column":0},"end":{"line":62,"column":9}},{"start":{"line":67,"column":0},"end":{"line":69,"column":9}},{"start":{"line":74,"column":0},"end":{"line":76,"column":9}},{"start":{"line":77,"column":0},"end":{"line":79,"column":9}},{"start":{"line":1,"column":0},"end":{"line":18,"column":11}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"apps"),cachedProgram(container, 1, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"about"),{"name":"each","hash":{},"fn":cachedProgram(container, 2, data),"inverse":container.noop,"data":data,"loc":LOC[1]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"risky"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"split"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"fields"),{"name":"each","hash":{},"fn":cachedProgram(container, 5, data),"inverse":container.noop,"data":data,"loc":LOC[4]})) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.textLine("  For: ",lookupProperty(depth0,"apps"))) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.textLine("    - ",depth0)) != null ? stack1 : "")
    + "\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.textLine("  !! ",lookupProperty(depth0,"risky"))) != null ? stack1 : "")
    + "\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.textLine("  Note: ",lookupProperty(depth0,"split"))) != null ? stack1 : "")
    + "\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.textField("  [ ] ",lookupProperty(depth0,"label"),lookupProperty(depth0,"value"))) != null ? stack1 : "")
    + "\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.textLine("",depth0)) != null ? stack1 : "")
    + "\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.textLine("  [ ] ",depth0)) != null ? stack1 : "")
    + "\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = helpers.__direct.textLine("",lookupProperty(depth0,"noRules"))) != null ? stack1 : "")
    + "\n";
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n--------------------------------------------------------------------------------\nRule "
    + ((stack1 = alias2(alias1(depth0, "n", LOC[13] ), depth0)) != null ? stack1 : "")
    + " of "
    + ((stack1 = alias2(alias1(lookupProperty(data,"root"), "count", LOC[14] ), depth0)) != null ? stack1 : "")
    + ": "
    + ((stack1 = helpers.__direct.plainText(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "\n--------------------------------------------------------------------------------\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"card"),depth0,{"name":"card","data":data,"helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "");
},"10":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n================================================================================\n"
    + ((stack1 = helpers.__direct.textLine("",lookupProperty(depth0,"title"))) != null ? stack1 : "")
    + "\n================================================================================\n"
    + ((stack1 = helpers.__direct.textLine("",lookupProperty(depth0,"intro"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"cards"),{"name":"each","hash":{},"fn":cachedProgram(container, 11, data),"inverse":container.noop,"data":data,"loc":LOC[18]})) != null ? stack1 : "");
},"11":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n--------------------------------------------------------------------------------\n"
    + ((stack1 = helpers.__direct.textLine("",lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "\n--------------------------------------------------------------------------------\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"card"),depth0,{"name":"card","data":data,"helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "");
},"12":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.textLine("  ",depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"header"),{"name":"each","hash":{},"fn":container.program(6, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[21]})) != null ? stack1 : "")
    + "\n================================================================================\n"
    + ((stack1 = helpers.__direct.textLine("",lookupProperty(depth0,"title"))) != null ? stack1 : "")
    + "\n================================================================================\n\n"
    + ((stack1 = helpers.__direct.textLine("Page: ",lookupProperty(depth0,"page"))) != null ? stack1 : "")
    + "\n\nBefore you start:\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"before"),{"name":"each","hash":{},"fn":container.program(7, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[24]})) != null ? stack1 : "")
    + "\nFor each rule:\n"
    + ((stack1 = helpers.__direct.textLine("  1. ",lookupProperty(depth0,"add"))) != null ? stack1 : "")
    + "\n  2. Fill in the fields in the order listed; tick each one off.\n"
    + ((stack1 = helpers.__direct.textLine("  3. ",lookupProperty(depth0,"save"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"noRules"),container.program(8, data, 0, blockParams, depths),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"cards"),{"name":"each","hash":{},"fn":container.program(9, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[28]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"sections"),{"name":"each","hash":{},"fn":container.program(10, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[29]})) != null ? stack1 : "")
    + "\n================================================================================\nTest from outside\n================================================================================\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"tests"),{"name":"each","hash":{},"fn":container.program(7, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[30]})) != null ? stack1 : "")
    + "\n================================================================================\nRemove these rules\n================================================================================\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"remove"),{"name":"each","hash":{},"fn":container.program(12, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[31]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"names"),{"name":"each","hash":{},"fn":container.program(7, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[32]})) != null ? stack1 : "");
},"main_d":  function(fn, props, container, depth0, data, blockParams, depths) {

  var decorators = container.decorators, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  var decorator = lookupProperty(decorators,"inline");
  if (typeof decorator !== "function") { throw new Error("Missing decorator: \"inline\""); }
  fn = decorator(fn,props,container,{"name":"inline","hash":{},"fn":container.program(0, data, 0, blockParams, depths),"inverse":container.noop,"args":["card"],"data":data,"loc":LOC[33]}) || fn;
  return fn;
  }

,"useDecorators":true,"usePartial":true,"useData":true,"useDepths":true};
    },
  },
  "checklist/html": {
    helpers: ["htmlText"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":2,"column":0},"end":{"line":4,"column":7}},{"start":{"line":6,"column":0},"end":{"line":8,"column":9}},{"start":{"line":10,"column":0},"end":{"line":12,"column":7}},{"start":{"line":13,"column":0},"end":{"line":15,"column":7}},{"start":{"line":17,"column":0},"end":{"line":19,"column":9}},{"start":{"line":3,"column":46},"end":{"line":3,"column":63}},{"start":{"line":7,"column":4},"end":{"line":7,"column":21}},{"start":{"line":11,"column":41},"end":{"line":11,"column":59}},{"start":{"line":14,"column":39},"end":{"line":14,"column":57}},{"start":{"line":18,"column":33},"end":{"line":18,"column":38}},{"start":{"line":18,"column":44},"end":{"line":18,"column":50}},{"start":{"line":18,"column":68},"end":{"line":18,"column":73}},{"start":{"line":18,"column":79},"end":{"line":18,"column":85}},{"start":{"line":18,"column":109},"end":{"line":18,"column":127}},{"start":{"line":18,"column":155},"end":{"line":18,"column":173}},{"start":{"line":64,"column":0},"end":{"line":64,"column":17}},{"start":{"line":73,"column":40},"end":{"line":73,"column":46}},{"start":{"line":73,"column":71},"end":{"line":73,"column":77}},{"start":{"line":73,"column":81},"end":{"line":73,"column":98}},{"start":{"line":83,"column":3},"end":{"line":83,"column":23}},{"start":{"line":89,"column":16},"end":{"line":89,"column":45}},{"start":{"line":89,"column":80},"end":{"line":89,"column":82}},{"start":{"line":90,"column":10},"end":{"line":90,"column":12}},{"start":{"line":90,"column":23},"end":{"line":90,"column":24}},{"start":{"line":90,"column":32},"end":{"line":90,"column":43}},{"start":{"line":90,"column":47},"end":{"line":90,"column":67}},{"start":{"line":96,"column":54},"end":{"line":96,"column":56}},{"start":{"line":97,"column":10},"end":{"line":97,"column":12}},{"start":{"line":97,"column":16},"end":{"line":97,"column":34}},{"start":{"line":98,"column":3},"end":{"line":98,"column":21}},{"start":{"line":99,"column":0},"end":{"line":104,"column":9}},{"start":{"line":100,"column":16},"end":{"line":100,"column":45}},{"start":{"line":100,"column":80},"end":{"line":100,"column":82}},{"start":{"line":101,"column":10},"end":{"line":101,"column":12}},{"start":{"line":101,"column":16},"end":{"line":101,"column":36}},{"start":{"line":111,"column":38},"end":{"line":111,"column":44}},{"start":{"line":111,"column":67},"end":{"line":111,"column":73}},{"start":{"line":111,"column":77},"end":{"line":111,"column":94}},{"start":{"line":118,"column":3},"end":{"line":118,"column":20}},{"start":{"line":122,"column":40},"end":{"line":122,"column":46}},{"start":{"line":122,"column":71},"end":{"line":122,"column":77}},{"start":{"line":122,"column":101},"end":{"line":122,"column":118}},{"start":{"line":27,"column":7},"end":{"line":27,"column":25}},{"start":{"line":59,"column":4},"end":{"line":59,"column":22}},{"start":{"line":63,"column":0},"end":{"line":65,"column":9}},{"start":{"line":67,"column":26},"end":{"line":67,"column":43}},{"start":{"line":72,"column":0},"end":{"line":74,"column":9}},{"start":{"line":78,"column":4},"end":{"line":78,"column":20}},{"start":{"line":80,"column":4},"end":{"line":80,"column":21}},{"start":{"line":82,"column":0},"end":{"line":84,"column":7}},{"start":{"line":88,"column":0},"end":{"line":93,"column":9}},{"start":{"line":95,"column":0},"end":{"line":106,"column":9}},{"start":{"line":110,"column":0},"end":{"line":112,"column":9}},{"start":{"line":117,"column":0},"end":{"line":119,"column":9}},{"start":{"line":121,"column":0},"end":{"line":123,"column":9}},{"start":{"line":1,"column":0},"end":{"line":21,"column":11}}];
      return {"0":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"apps"),container.program(1, data, 0, blockParams, depths),container.noop)) != null ? stack1 : "")
    + "<ul class=\"about\">\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"about"),{"name":"each","hash":{},"fn":container.program(2, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[1]})) != null ? stack1 : "")
    + "</ul>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"risky"),container.program(3, data, 0, blockParams, depths),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"split"),container.program(4, data, 0, blockParams, depths),container.noop)) != null ? stack1 : "")
    + "<ul class=\"fields\">\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"fields"),{"name":"each","hash":{},"fn":container.program(5, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[4]})) != null ? stack1 : "")
    + "</ul>\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<p class=\"apps\"><span class=\"tag\">For:</span> "
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"apps"))) != null ? stack1 : "")
    + "</p>\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<li>"
    + ((stack1 = helpers.__direct.htmlText(depth0)) != null ? stack1 : "")
    + "</li>\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<p class=\"risky\"><strong>Risky:</strong> "
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"risky"))) != null ? stack1 : "")
    + "</p>\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<p class=\"note\"><strong>Note:</strong> "
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"split"))) != null ? stack1 : "")
    + "</p>\n";
},"5":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<li><input type=\"checkbox\" id=\""
    + ((stack1 = alias2(alias1(depths[1], "id", LOC[9] ), depth0)) != null ? stack1 : "")
    + "-f"
    + ((stack1 = alias2(alias1(data, "index", LOC[10] ), depth0)) != null ? stack1 : "")
    + "\"><label for=\""
    + ((stack1 = alias2(alias1(depths[1], "id", LOC[11] ), depth0)) != null ? stack1 : "")
    + "-f"
    + ((stack1 = alias2(alias1(data, "index", LOC[12] ), depth0)) != null ? stack1 : "")
    + "\"><span class=\"label\">"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"label"))) != null ? stack1 : "")
    + "</span> <span class=\"value\">"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"value"))) != null ? stack1 : "")
    + "</span></label></li>\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.htmlText(depth0)) != null ? stack1 : "")
    + "\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<li><input type=\"checkbox\" id=\"before-"
    + ((stack1 = alias2(alias1(data, "index", LOC[16] ), depth0)) != null ? stack1 : "")
    + "\"><label for=\"before-"
    + ((stack1 = alias2(alias1(data, "index", LOC[17] ), depth0)) != null ? stack1 : "")
    + "\">"
    + ((stack1 = helpers.__direct.htmlText(depth0)) != null ? stack1 : "")
    + "</label></li>\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<p>"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"noRules"))) != null ? stack1 : "")
    + "</p>\n";
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<div class=\"card"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"risky"),cachedProgram(container, 10, data),container.noop)) != null ? stack1 : "")
    + "\" role=\"region\" aria-labelledby=\""
    + ((stack1 = alias3(alias2(depth0, "id", LOC[21] ), depth0)) != null ? stack1 : "")
    + "\">\n<h3 id=\""
    + ((stack1 = alias3(alias2(depth0, "id", LOC[22] ), depth0)) != null ? stack1 : "")
    + "\">Rule "
    + ((stack1 = alias3(alias2(depth0, "n", LOC[23] ), depth0)) != null ? stack1 : "")
    + " of "
    + ((stack1 = alias3(alias2(lookupProperty(data,"root"), "count", LOC[24] ), depth0)) != null ? stack1 : "")
    + ": "
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "</h3>\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"card"),depth0,{"name":"card","data":data,"helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "</div>\n";
},"10":function(container,depth0,helpers,partials,data) {
    return " is-risky";
},"11":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<div class=\"section\" role=\"region\" aria-labelledby=\""
    + ((stack1 = alias2(alias1(depth0, "id", LOC[26] ), depth0)) != null ? stack1 : "")
    + "\">\n<h2 id=\""
    + ((stack1 = alias2(alias1(depth0, "id", LOC[27] ), depth0)) != null ? stack1 : "")
    + "\">"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"title"))) != null ? stack1 : "")
    + "</h2>\n<p>"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"intro"))) != null ? stack1 : "")
    + "</p>\n"
    + ((stack1 = helpers.__direct.each.call(alias3,lookupProperty(depth0,"cards"),{"name":"each","hash":{},"fn":cachedProgram(container, 12, data),"inverse":container.noop,"data":data,"loc":LOC[30]})) != null ? stack1 : "")
    + "</div>\n";
},"12":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<div class=\"card"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"risky"),cachedProgram(container, 10, data),container.noop)) != null ? stack1 : "")
    + "\" role=\"region\" aria-labelledby=\""
    + ((stack1 = alias3(alias2(depth0, "id", LOC[32] ), depth0)) != null ? stack1 : "")
    + "\">\n<h3 id=\""
    + ((stack1 = alias3(alias2(depth0, "id", LOC[33] ), depth0)) != null ? stack1 : "")
    + "\">"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "</h3>\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"card"),depth0,{"name":"card","data":data,"helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "</div>\n";
},"13":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<li><input type=\"checkbox\" id=\"test-"
    + ((stack1 = alias2(alias1(data, "index", LOC[35] ), depth0)) != null ? stack1 : "")
    + "\"><label for=\"test-"
    + ((stack1 = alias2(alias1(data, "index", LOC[36] ), depth0)) != null ? stack1 : "")
    + "\">"
    + ((stack1 = helpers.__direct.htmlText(depth0)) != null ? stack1 : "")
    + "</label></li>\n";
},"14":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<p>"
    + ((stack1 = helpers.__direct.htmlText(depth0)) != null ? stack1 : "")
    + "</p>\n";
},"15":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<li><input type=\"checkbox\" id=\"remove-"
    + ((stack1 = alias2(alias1(data, "index", LOC[39] ), depth0)) != null ? stack1 : "")
    + "\"><label for=\"remove-"
    + ((stack1 = alias2(alias1(data, "index", LOC[40] ), depth0)) != null ? stack1 : "")
    + "\"><span class=\"value\">"
    + ((stack1 = helpers.__direct.htmlText(depth0)) != null ? stack1 : "")
    + "</span></label></li>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"title"))) != null ? stack1 : "")
    + "</title>\n<style>\nbody { margin: 0; background: #ffffff; color: #1b1b1b; font: 16px/1.5 system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; }\n.page { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }\nh1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }\nh2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid #1b1b1b; }\nh3 { font-size: 1.1rem; margin: 0 0 0.5rem; }\npre.header { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3; color: #1b1b1b; border: 1px solid #767676; padding: 0.75rem; font-size: 0.85rem; }\n.card { border: 2px solid #4a4a4a; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }\n.card.is-risky { border-color: #a3001b; border-left-width: 8px; }\n.risky { background: #fff0f0; color: #7a0014; border: 1px solid #a3001b; padding: 0.4rem 0.6rem; }\n.note { background: #f0f4ff; color: #0b2a6b; border: 1px solid #3056a8; padding: 0.4rem 0.6rem; }\n.apps .tag, .label { font-weight: 700; }\n.about { margin: 0.25rem 0 0.75rem; padding-left: 1.25rem; color: #333333; overflow-wrap: anywhere; }\nul.fields, ul.checks { list-style: none; margin: 0; padding: 0; }\nul.fields li, ul.checks li { display: flex; align-items: baseline; gap: 0.6rem; padding: 0.3rem 0; border-top: 1px solid #d0d0d0; }\nul.fields li:first-child, ul.checks li:first-child { border-top: 0; }\ninput[type=\"checkbox\"] { width: 1.25rem; height: 1.25rem; flex: none; margin: 0; accent-color: #0b57d0; }\ninput[type=\"checkbox\"]:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }\nlabel { cursor: pointer; overflow-wrap: anywhere; }\n.value { font-family: ui-monospace, \"SFMono-Regular\", Menlo, Consolas, monospace; background: #f3f3f3; padding: 0 0.3rem; border-radius: 3px; }\ninput:checked + label { color: #555555; text-decoration: line-through; }\n@media print {\n  body { font-size: 11pt; }\n  .page { max-width: none; padding: 0; }\n  h2 { break-after: avoid; page-break-after: avoid; }\n  input:checked + label { text-decoration: none; color: #1b1b1b; }\n}\n</style>\n</head>\n<body>\n<div class=\"page\" role=\"main\">\n<h1>"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"title"))) != null ? stack1 : "")
    + "</h1>\n<div class=\"section\" role=\"region\" aria-labelledby=\"about\">\n<h2 id=\"about\">About this checklist</h2>\n<pre class=\"header\">\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"header"),{"name":"each","hash":{},"fn":container.program(6, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[44]})) != null ? stack1 : "")
    + "</pre>\n<p><strong>Page:</strong> "
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"page"))) != null ? stack1 : "")
    + "</p>\n</div>\n<div class=\"section\" role=\"region\" aria-labelledby=\"before\">\n<h2 id=\"before\">Before you start</h2>\n<ul class=\"checks\">\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"before"),{"name":"each","hash":{},"fn":container.program(7, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[46]})) != null ? stack1 : "")
    + "</ul>\n<h2 id=\"each\">For each rule</h2>\n<ol>\n<li>"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"add"))) != null ? stack1 : "")
    + "</li>\n<li>Fill in the fields in the order listed; tick each one off.</li>\n<li>"
    + ((stack1 = helpers.__direct.htmlText(lookupProperty(depth0,"save"))) != null ? stack1 : "")
    + "</li>\n</ol>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"noRules"),container.program(8, data, 0, blockParams, depths),container.noop)) != null ? stack1 : "")
    + "</div>\n<div class=\"section\" role=\"region\" aria-labelledby=\"rules\">\n<h2 id=\"rules\">Rules</h2>\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"cards"),{"name":"each","hash":{},"fn":container.program(9, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[50]})) != null ? stack1 : "")
    + "</div>\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"sections"),{"name":"each","hash":{},"fn":container.program(11, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[51]})) != null ? stack1 : "")
    + "<div class=\"section\" role=\"region\" aria-labelledby=\"test\">\n<h2 id=\"test\">Test from outside</h2>\n<ul class=\"checks\">\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"tests"),{"name":"each","hash":{},"fn":container.program(13, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[52]})) != null ? stack1 : "")
    + "</ul>\n</div>\n<div class=\"section\" role=\"region\" aria-labelledby=\"remove\">\n<h2 id=\"remove\">Remove these rules</h2>\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"remove"),{"name":"each","hash":{},"fn":container.program(14, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[53]})) != null ? stack1 : "")
    + "<ul class=\"checks\">\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"names"),{"name":"each","hash":{},"fn":container.program(15, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[54]})) != null ? stack1 : "")
    + "</ul>\n</div>\n</div>\n</body>\n</html>\n";
},"main_d":  function(fn, props, container, depth0, data, blockParams, depths) {

  var decorators = container.decorators, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  var decorator = lookupProperty(decorators,"inline");
  if (typeof decorator !== "function") { throw new Error("Missing decorator: \"inline\""); }
  fn = decorator(fn,props,container,{"name":"inline","hash":{},"fn":container.program(0, data, 0, blockParams, depths),"inverse":container.noop,"args":["card"],"data":data,"loc":LOC[55]}) || fn;
  return fn;
  }

,"useDecorators":true,"usePartial":true,"useData":true,"useDepths":true};
    },
  },
  "checklist/markdown": {
    helpers: ["mdCode","mdFence","mdText"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":2,"column":0},"end":{"line":5,"column":7}},{"start":{"line":6,"column":0},"end":{"line":8,"column":9}},{"start":{"line":9,"column":0},"end":{"line":12,"column":7}},{"start":{"line":13,"column":0},"end":{"line":16,"column":7}},{"start":{"line":18,"column":0},"end":{"line":20,"column":9}},{"start":{"line":3,"column":5},"end":{"line":3,"column":20}},{"start":{"line":7,"column":2},"end":{"line":7,"column":17}},{"start":{"line":11,"column":13},"end":{"line":11,"column":29}},{"start":{"line":15,"column":12},"end":{"line":15,"column":28}},{"start":{"line":19,"column":6},"end":{"line":19,"column":22}},{"start":{"line":19,"column":24},"end":{"line":19,"column":40}},{"start":{"line":31,"column":6},"end":{"line":31,"column":21}},{"start":{"line":41,"column":0},"end":{"line":41,"column":18}},{"start":{"line":45,"column":10},"end":{"line":45,"column":11}},{"start":{"line":45,"column":19},"end":{"line":45,"column":30}},{"start":{"line":45,"column":34},"end":{"line":45,"column":52}},{"start":{"line":51,"column":3},"end":{"line":51,"column":19}},{"start":{"line":53,"column":0},"end":{"line":53,"column":16}},{"start":{"line":54,"column":0},"end":{"line":59,"column":9}},{"start":{"line":56,"column":4},"end":{"line":56,"column":22}},{"start":{"line":75,"column":6},"end":{"line":75,"column":21}},{"start":{"line":22,"column":0},"end":{"line":22,"column":18}},{"start":{"line":24,"column":2},"end":{"line":24,"column":18}},{"start":{"line":26,"column":10},"end":{"line":26,"column":25}},{"start":{"line":30,"column":0},"end":{"line":32,"column":9}},{"start":{"line":36,"column":3},"end":{"line":36,"column":17}},{"start":{"line":38,"column":3},"end":{"line":38,"column":18}},{"start":{"line":39,"column":0},"end":{"line":42,"column":7}},{"start":{"line":43,"column":0},"end":{"line":48,"column":9}},{"start":{"line":49,"column":0},"end":{"line":60,"column":9}},{"start":{"line":64,"column":0},"end":{"line":66,"column":9}},{"start":{"line":70,"column":0},"end":{"line":72,"column":9}},{"start":{"line":74,"column":0},"end":{"line":76,"column":9}},{"start":{"line":1,"column":0},"end":{"line":21,"column":11}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"apps"),cachedProgram(container, 1, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"about"),{"name":"each","hash":{},"fn":cachedProgram(container, 2, data),"inverse":container.noop,"data":data,"loc":LOC[1]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"risky"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"split"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"fields"),{"name":"each","hash":{},"fn":cachedProgram(container, 5, data),"inverse":container.noop,"data":data,"loc":LOC[4]})) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "For: "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"apps"))) != null ? stack1 : "")
    + "\n\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "* "
    + ((stack1 = helpers.__direct.mdText(depth0)) != null ? stack1 : "")
    + "\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n> **Risky:** "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"risky"))) != null ? stack1 : "")
    + "\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n> **Note:** "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"split"))) != null ? stack1 : "")
    + "\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "- [ ] "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"label"))) != null ? stack1 : "")
    + ": "
    + ((stack1 = helpers.__direct.mdCode(lookupProperty(depth0,"value"))) != null ? stack1 : "")
    + "\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "- [ ] "
    + ((stack1 = helpers.__direct.mdText(depth0)) != null ? stack1 : "")
    + "\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"noRules"))) != null ? stack1 : "")
    + "\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n## Rule "
    + ((stack1 = alias2(alias1(depth0, "n", LOC[13] ), depth0)) != null ? stack1 : "")
    + " of "
    + ((stack1 = alias2(alias1(lookupProperty(data,"root"), "count", LOC[14] ), depth0)) != null ? stack1 : "")
    + ": "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"card"),depth0,{"name":"card","data":data,"helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "");
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n## "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"title"))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"intro"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"cards"),{"name":"each","hash":{},"fn":cachedProgram(container, 10, data),"inverse":container.noop,"data":data,"loc":LOC[18]})) != null ? stack1 : "");
},"10":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n### "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"card"),depth0,{"name":"card","data":data,"helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "");
},"11":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "- [ ] "
    + ((stack1 = helpers.__direct.mdCode(depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.mdFence(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n\n# "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"title"))) != null ? stack1 : "")
    + "\n\n**Page:** "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"page"))) != null ? stack1 : "")
    + "\n\n## Before you start\n\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"before"),{"name":"each","hash":{},"fn":container.program(6, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[24]})) != null ? stack1 : "")
    + "\n## For each rule\n\n1. "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"add"))) != null ? stack1 : "")
    + "\n2. Fill in the fields in the order listed; tick each one off.\n3. "
    + ((stack1 = helpers.__direct.mdText(lookupProperty(depth0,"save"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"noRules"),container.program(7, data, 0, blockParams, depths),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"cards"),{"name":"each","hash":{},"fn":container.program(8, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[28]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"sections"),{"name":"each","hash":{},"fn":container.program(9, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[29]})) != null ? stack1 : "")
    + "\n## Test from outside\n\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"tests"),{"name":"each","hash":{},"fn":container.program(6, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[30]})) != null ? stack1 : "")
    + "\n## Remove these rules\n\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"remove"),{"name":"each","hash":{},"fn":container.program(2, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[31]})) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"names"),{"name":"each","hash":{},"fn":container.program(11, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":LOC[32]})) != null ? stack1 : "");
},"main_d":  function(fn, props, container, depth0, data, blockParams, depths) {

  var decorators = container.decorators, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  var decorator = lookupProperty(decorators,"inline");
  if (typeof decorator !== "function") { throw new Error("Missing decorator: \"inline\""); }
  fn = decorator(fn,props,container,{"name":"inline","hash":{},"fn":container.program(0, data, 0, blockParams, depths),"inverse":container.noop,"args":["card"],"data":data,"loc":LOC[33]}) || fn;
  return fn;
  }

,"useDecorators":true,"usePartial":true,"useData":true,"useDepths":true};
    },
  },
  "iptables/default": {
    helpers: ["shComments","shQuote"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":12,"column":12},"end":{"line":12,"column":15}},{"start":{"line":12,"column":26},"end":{"line":12,"column":31}},{"start":{"line":12,"column":39},"end":{"line":12,"column":48}},{"start":{"line":12,"column":72},"end":{"line":12,"column":93}},{"start":{"line":12,"column":99},"end":{"line":12,"column":103}},{"start":{"line":15,"column":9},"end":{"line":15,"column":12}},{"start":{"line":15,"column":23},"end":{"line":15,"column":28}},{"start":{"line":15,"column":36},"end":{"line":15,"column":40}},{"start":{"line":16,"column":8},"end":{"line":16,"column":11}},{"start":{"line":16,"column":22},"end":{"line":16,"column":27}},{"start":{"line":16,"column":35},"end":{"line":16,"column":39}},{"start":{"line":17,"column":8},"end":{"line":17,"column":11}},{"start":{"line":17,"column":22},"end":{"line":17,"column":27}},{"start":{"line":17,"column":35},"end":{"line":17,"column":39}},{"start":{"line":2,"column":22},"end":{"line":2,"column":38}},{"start":{"line":3,"column":7},"end":{"line":3,"column":26}},{"start":{"line":33,"column":32},"end":{"line":33,"column":43}},{"start":{"line":34,"column":32},"end":{"line":34,"column":43}},{"start":{"line":36,"column":7},"end":{"line":36,"column":32}},{"start":{"line":40,"column":7},"end":{"line":40,"column":32}},{"start":{"line":45,"column":0},"end":{"line":47,"column":9}},{"start":{"line":48,"column":0},"end":{"line":53,"column":9}},{"start":{"line":46,"column":8},"end":{"line":46,"column":11}},{"start":{"line":46,"column":22},"end":{"line":46,"column":27}},{"start":{"line":46,"column":35},"end":{"line":46,"column":44}},{"start":{"line":46,"column":68},"end":{"line":46,"column":89}},{"start":{"line":46,"column":95},"end":{"line":46,"column":99}},{"start":{"line":49,"column":5},"end":{"line":49,"column":8}},{"start":{"line":49,"column":19},"end":{"line":49,"column":24}},{"start":{"line":49,"column":32},"end":{"line":49,"column":36}},{"start":{"line":50,"column":4},"end":{"line":50,"column":7}},{"start":{"line":50,"column":18},"end":{"line":50,"column":23}},{"start":{"line":50,"column":31},"end":{"line":50,"column":35}},{"start":{"line":51,"column":4},"end":{"line":51,"column":7}},{"start":{"line":51,"column":18},"end":{"line":51,"column":23}},{"start":{"line":51,"column":31},"end":{"line":51,"column":35}},{"start":{"line":57,"column":2},"end":{"line":57,"column":5}},{"start":{"line":57,"column":16},"end":{"line":57,"column":21}},{"start":{"line":57,"column":29},"end":{"line":57,"column":33}},{"start":{"line":57,"column":57},"end":{"line":57,"column":60}},{"start":{"line":57,"column":71},"end":{"line":57,"column":76}},{"start":{"line":57,"column":84},"end":{"line":57,"column":88}},{"start":{"line":58,"column":2},"end":{"line":58,"column":5}},{"start":{"line":58,"column":16},"end":{"line":58,"column":21}},{"start":{"line":58,"column":29},"end":{"line":58,"column":33}},{"start":{"line":59,"column":0},"end":{"line":69,"column":7}},{"start":{"line":70,"column":2},"end":{"line":70,"column":5}},{"start":{"line":70,"column":16},"end":{"line":70,"column":21}},{"start":{"line":70,"column":29},"end":{"line":70,"column":38}},{"start":{"line":70,"column":62},"end":{"line":70,"column":83}},{"start":{"line":70,"column":89},"end":{"line":70,"column":93}},{"start":{"line":70,"column":113},"end":{"line":70,"column":116}},{"start":{"line":70,"column":127},"end":{"line":70,"column":132}},{"start":{"line":70,"column":137},"end":{"line":70,"column":144}},{"start":{"line":70,"column":149},"end":{"line":70,"column":158}},{"start":{"line":70,"column":182},"end":{"line":70,"column":203}},{"start":{"line":70,"column":209},"end":{"line":70,"column":213}},{"start":{"line":60,"column":6},"end":{"line":60,"column":14}},{"start":{"line":60,"column":23},"end":{"line":60,"column":32}},{"start":{"line":61,"column":0},"end":{"line":63,"column":9}},{"start":{"line":62,"column":4},"end":{"line":62,"column":13}},{"start":{"line":62,"column":24},"end":{"line":62,"column":35}},{"start":{"line":62,"column":43},"end":{"line":62,"column":53}},{"start":{"line":62,"column":58},"end":{"line":62,"column":72}},{"start":{"line":62,"column":79},"end":{"line":62,"column":93}},{"start":{"line":1,"column":0},"end":{"line":1,"column":35}},{"start":{"line":1,"column":35},"end":{"line":1,"column":66}},{"start":{"line":1,"column":66},"end":{"line":1,"column":93}},{"start":{"line":1,"column":93},"end":{"line":1,"column":122}},{"start":{"line":1,"column":127},"end":{"line":1,"column":138}},{"start":{"line":1,"column":141},"end":{"line":1,"column":240}},{"start":{"line":1,"column":243},"end":{"line":1,"column":254}},{"start":{"line":1,"column":256},"end":{"line":1,"column":410}},{"start":{"line":62,"column":139},"end":{"line":62,"column":158}},{"start":{"line":1,"column":6},"end":{"line":1,"column":10}},{"start":{"line":1,"column":12},"end":{"line":1,"column":53}},{"start":{"line":1,"column":19},"end":{"line":1,"column":25}},{"start":{"line":1,"column":52},"end":{"line":1,"column":56}},{"start":{"line":1,"column":81},"end":{"line":1,"column":83}},{"start":{"line":1,"column":109},"end":{"line":1,"column":112}},{"start":{"line":1,"column":181},"end":{"line":1,"column":185}},{"start":{"line":1,"column":205},"end":{"line":1,"column":216}},{"start":{"line":1,"column":223},"end":{"line":1,"column":227}},{"start":{"line":1,"column":297},"end":{"line":1,"column":304}},{"start":{"line":1,"column":306},"end":{"line":1,"column":344}},{"start":{"line":1,"column":330},"end":{"line":1,"column":335}},{"start":{"line":1,"column":352},"end":{"line":1,"column":403}},{"start":{"line":1,"column":389},"end":{"line":1,"column":394}},{"start":{"line":1,"column":42},"end":{"line":1,"column":44}},{"start":{"line":66,"column":0},"end":{"line":68,"column":9}},{"start":{"line":67,"column":2},"end":{"line":67,"column":11}},{"start":{"line":67,"column":22},"end":{"line":67,"column":33}},{"start":{"line":67,"column":41},"end":{"line":67,"column":51}},{"start":{"line":67,"column":96},"end":{"line":67,"column":115}},{"start":{"line":2,"column":0},"end":{"line":2,"column":21}},{"start":{"line":11,"column":0},"end":{"line":13,"column":9}},{"start":{"line":14,"column":0},"end":{"line":19,"column":9}},{"start":{"line":1,"column":0},"end":{"line":7,"column":9}},{"start":{"line":31,"column":0},"end":{"line":42,"column":7}},{"start":{"line":43,"column":0},"end":{"line":54,"column":7}},{"start":{"line":55,"column":0},"end":{"line":71,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    while "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[0] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[1] ), depth0)) != null ? stack1 : "")
    + " -D "
    + ((stack1 = alias2(alias1(depth0, "hookChain", LOC[2] ), depth0)) != null ? stack1 : "")
    + " -m comment --comment "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"tag"))) != null ? stack1 : "")
    + " -j "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[4] ), depth0)) != null ? stack1 : "")
    + " 2>/dev/null; do :; done\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda;

  return "    if "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[5] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[6] ), depth0)) != null ? stack1 : "")
    + " -S "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[7] ), depth0)) != null ? stack1 : "")
    + " >/dev/null 2>&1; then\n      "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[8] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[9] ), depth0)) != null ? stack1 : "")
    + " -F "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[10] ), depth0)) != null ? stack1 : "")
    + "\n      "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[11] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[12] ), depth0)) != null ? stack1 : "")
    + " -X "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[13] ), depth0)) != null ? stack1 : "")
    + "\n    fi\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "if ! ip link show dev "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"name"))) != null ? stack1 : "")
    + " >/dev/null 2>&1; then\n  echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"missing"))) != null ? stack1 : "")
    + " >&2\n  echo \"synfw: its interfaces: $(ip -o link show | awk -F': ' '{ sub(/@.*/, \"\", $2); printf \"%s \", $2 }')\" >&2\n  exit 1\nfi\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\nwan4=$(ip -4 -o addr show dev "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"lookups"), "wan", LOC[16] ), depth0)) != null ? stack1 : "")
    + " | awk '{ sub(\"/.*\", \"\", $4); print $4 \"/32\" }')\nlan4=$(ip -4 -o addr show dev "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"lookups"), "lan", LOC[17] ), depth0)) != null ? stack1 : "")
    + " | awk '{ print $4 }')\nif [ -z \"$lan4\" ]; then\n  echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(depth0,"lookups"),"noLan"))) != null ? stack1 : "")
    + " >&2\n  exit 1\nfi\nif [ -z \"$wan4\" ]; then\n  echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(depth0,"lookups"),"noWan"))) != null ? stack1 : "")
    + " >&2\nfi\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"stale"),{"name":"each","hash":{},"fn":cachedProgram(container, 5, data),"inverse":container.noop,"data":data,"loc":LOC[20]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"stale"),{"name":"each","hash":{},"fn":cachedProgram(container, 6, data),"inverse":container.noop,"data":data,"loc":LOC[21]})) != null ? stack1 : "");
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "while "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[22] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[23] ), depth0)) != null ? stack1 : "")
    + " -D "
    + ((stack1 = alias2(alias1(depth0, "hookChain", LOC[24] ), depth0)) != null ? stack1 : "")
    + " -m comment --comment "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"tag"))) != null ? stack1 : "")
    + " -j "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[26] ), depth0)) != null ? stack1 : "")
    + " 2>/dev/null; do :; done\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda;

  return "if "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[27] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[28] ), depth0)) != null ? stack1 : "")
    + " -S "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[29] ), depth0)) != null ? stack1 : "")
    + " >/dev/null 2>&1; then\n  "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[30] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[31] ), depth0)) != null ? stack1 : "")
    + " -F "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[32] ), depth0)) != null ? stack1 : "")
    + "\n  "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[33] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[34] ), depth0)) != null ? stack1 : "")
    + " -X "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[35] ), depth0)) != null ? stack1 : "")
    + "\nfi\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[36] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[37] ), depth0)) != null ? stack1 : "")
    + " -S "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[38] ), depth0)) != null ? stack1 : "")
    + " >/dev/null 2>&1 || "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[39] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[40] ), depth0)) != null ? stack1 : "")
    + " -N "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[41] ), depth0)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[42] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[43] ), depth0)) != null ? stack1 : "")
    + " -F "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[44] ), depth0)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"loop"),cachedProgram(container, 8, data),cachedProgram(container, 21, data))) != null ? stack1 : "")
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[46] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[47] ), depth0)) != null ? stack1 : "")
    + " -C "
    + ((stack1 = alias2(alias1(depth0, "hookChain", LOC[48] ), depth0)) != null ? stack1 : "")
    + " -m comment --comment "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"tag"))) != null ? stack1 : "")
    + " -j "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[50] ), depth0)) != null ? stack1 : "")
    + " 2>/dev/null || "
    + ((stack1 = alias2(alias1(depth0, "cmd", LOC[51] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(depth0, "table", LOC[52] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "hookAdd", LOC[53] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "hookChain", LOC[54] ), depth0)) != null ? stack1 : "")
    + " -m comment --comment "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"tag"))) != null ? stack1 : "")
    + " -j "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[56] ), depth0)) != null ? stack1 : "")
    + "\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "for "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"loop"), "var", LOC[57] ), depth0)) != null ? stack1 : "")
    + " in $"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"loop"), "list", LOC[58] ), depth0)) != null ? stack1 : "")
    + "; do\n"
    + ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 9, data),"inverse":container.noop,"data":data,"loc":LOC[59]})) != null ? stack1 : "")
    + "done\n";
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"chain"), "cmd", LOC[60] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"chain"), "table", LOC[61] ), depth0)) != null ? stack1 : "")
    + " -A "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"chain"), "name", LOC[62] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(lookupProperty(depth0,"chain"),"loop"), "opt", LOC[63] ), depth0)) != null ? stack1 : "")
    + " \"$"
    + ((stack1 = alias2(alias1(lookupProperty(lookupProperty(depth0,"chain"),"loop"), "var", LOC[64] ), depth0)) != null ? stack1 : "")
    + "\" "
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"source"),cachedProgram(container, 10, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"dest"),cachedProgram(container, 11, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"in"),cachedProgram(container, 12, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"out"),cachedProgram(container, 13, data),container.noop)) != null ? stack1 : "")
    + "-p "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "proto", LOC[69] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(lookupProperty(depth0,"match"),"multiport"),cachedProgram(container, 14, data),cachedProgram(container, 15, data))) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "ports", LOC[71] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"ctstate"),cachedProgram(container, 16, data),cachedProgram(container, 18, data))) != null ? stack1 : "")
    + " -m comment --comment "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + " -j "
    + ((stack1 = alias2(alias1(depth0, "jump", LOC[74] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"to"),cachedProgram(container, 20, data),container.noop)) != null ? stack1 : "")
    + "\n";
},"10":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-s "
    + ((stack1 = container.lambda(container.strict(depth0, "source", LOC[76] ), depth0)) != null ? stack1 : "")
    + " ";
},"11":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-d "
    + ((stack1 = container.lambda(container.strict(depth0, "dest", LOC[77] ), depth0)) != null ? stack1 : "")
    + " ";
},"12":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-i "
    + ((stack1 = container.lambda(container.strict(depth0, "in", LOC[78] ), depth0)) != null ? stack1 : "")
    + " ";
},"13":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-o "
    + ((stack1 = container.lambda(container.strict(depth0, "out", LOC[79] ), depth0)) != null ? stack1 : "")
    + " ";
},"14":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-m multiport --"
    + ((stack1 = container.lambda(container.strict(depth0, "side", LOC[80] ), depth0)) != null ? stack1 : "")
    + "ports";
},"15":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "-m "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "proto", LOC[81] ), depth0)) != null ? stack1 : "")
    + " --"
    + ((stack1 = alias2(alias1(depth0, "side", LOC[82] ), depth0)) != null ? stack1 : "")
    + "port";
},"16":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " -m conntrack --ctstate "
    + ((stack1 = container.lambda(container.strict(depth0, "ctstate", LOC[83] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"ctdir"),cachedProgram(container, 17, data),container.noop)) != null ? stack1 : "");
},"17":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " --ctdir "
    + ((stack1 = container.lambda(container.strict(depth0, "ctdir", LOC[85] ), depth0)) != null ? stack1 : "");
},"18":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"ctdir"),cachedProgram(container, 19, data),container.noop)) != null ? stack1 : "");
},"19":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " -m conntrack --ctdir "
    + ((stack1 = container.lambda(container.strict(depth0, "ctdir", LOC[87] ), depth0)) != null ? stack1 : "");
},"20":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " --to-destination "
    + ((stack1 = container.lambda(container.strict(depth0, "to", LOC[88] ), depth0)) != null ? stack1 : "");
},"21":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 22, data),"inverse":container.noop,"data":data,"loc":LOC[89]})) != null ? stack1 : "");
},"22":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = alias2(alias1(lookupProperty(depth0,"chain"), "cmd", LOC[90] ), depth0)) != null ? stack1 : "")
    + " -w -t "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"chain"), "table", LOC[91] ), depth0)) != null ? stack1 : "")
    + " -A "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"chain"), "name", LOC[92] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"source"),cachedProgram(container, 10, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"dest"),cachedProgram(container, 11, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"in"),cachedProgram(container, 12, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"out"),cachedProgram(container, 13, data),container.noop)) != null ? stack1 : "")
    + "-p "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "proto", LOC[69] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(lookupProperty(depth0,"match"),"multiport"),cachedProgram(container, 14, data),cachedProgram(container, 15, data))) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "ports", LOC[71] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"ctstate"),cachedProgram(container, 16, data),cachedProgram(container, 18, data))) != null ? stack1 : "")
    + " -m comment --comment "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + " -j "
    + ((stack1 = alias2(alias1(depth0, "jump", LOC[74] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"to"),cachedProgram(container, 20, data),container.noop)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/bin/sh\n"
    + ((stack1 = helpers.__direct.shComments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n# Everything runs in a subshell: pasted into a root shell, its `set -eu` and `exit` end only the\n# subshell, never your session.\n(\nset -eu\n\ncase \"$#:${1-}\" in\n  0:) ;;\n  1:remove)\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"all"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[95]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"all"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[96]})) != null ? stack1 : "")
    + "    exit 0\n    ;;\n  *)\n    echo \"usage: sh $0 [remove]\" >&2\n    exit 2\n    ;;\nesac\n\n# Nothing changes unless every interface the rules name exists: a rule on a missing interface would\n# be accepted and forward nothing.\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"needed"),{"name":"each","hash":{},"fn":cachedProgram(container, 2, data),"inverse":container.noop,"data":data,"loc":LOC[97]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"lookups"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"stale"),"length"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"chains"),{"name":"each","hash":{},"fn":cachedProgram(container, 7, data),"inverse":container.noop,"data":data,"loc":LOC[100]})) != null ? stack1 : "")
    + ")\n";
},"useData":true};
    },
  },
  "iptables/restore": {
    helpers: ["iptQuote","restoreComments"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":3,"column":3},"end":{"line":3,"column":8}},{"start":{"line":4,"column":3},"end":{"line":4,"column":7}},{"start":{"line":5,"column":0},"end":{"line":7,"column":9}},{"start":{"line":6,"column":5},"end":{"line":6,"column":15}},{"start":{"line":1,"column":0},"end":{"line":1,"column":35}},{"start":{"line":1,"column":35},"end":{"line":1,"column":66}},{"start":{"line":1,"column":66},"end":{"line":1,"column":93}},{"start":{"line":1,"column":93},"end":{"line":1,"column":122}},{"start":{"line":1,"column":127},"end":{"line":1,"column":138}},{"start":{"line":1,"column":141},"end":{"line":1,"column":240}},{"start":{"line":1,"column":243},"end":{"line":1,"column":254}},{"start":{"line":1,"column":256},"end":{"line":1,"column":410}},{"start":{"line":6,"column":60},"end":{"line":6,"column":80}},{"start":{"line":1,"column":6},"end":{"line":1,"column":10}},{"start":{"line":1,"column":12},"end":{"line":1,"column":53}},{"start":{"line":1,"column":19},"end":{"line":1,"column":25}},{"start":{"line":1,"column":52},"end":{"line":1,"column":56}},{"start":{"line":1,"column":81},"end":{"line":1,"column":83}},{"start":{"line":1,"column":109},"end":{"line":1,"column":112}},{"start":{"line":1,"column":181},"end":{"line":1,"column":185}},{"start":{"line":1,"column":205},"end":{"line":1,"column":216}},{"start":{"line":1,"column":223},"end":{"line":1,"column":227}},{"start":{"line":1,"column":297},"end":{"line":1,"column":304}},{"start":{"line":1,"column":306},"end":{"line":1,"column":344}},{"start":{"line":1,"column":330},"end":{"line":1,"column":335}},{"start":{"line":1,"column":352},"end":{"line":1,"column":403}},{"start":{"line":1,"column":389},"end":{"line":1,"column":394}},{"start":{"line":1,"column":42},"end":{"line":1,"column":44}},{"start":{"line":1,"column":0},"end":{"line":1,"column":26}},{"start":{"line":2,"column":0},"end":{"line":9,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "*"
    + ((stack1 = alias2(alias1(depth0, "table", LOC[0] ), depth0)) != null ? stack1 : "")
    + "\n:"
    + ((stack1 = alias2(alias1(depth0, "name", LOC[1] ), depth0)) != null ? stack1 : "")
    + " - [0:0]\n"
    + ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[2]})) != null ? stack1 : "")
    + "COMMIT\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "-A "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"chain"), "name", LOC[3] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"source"),cachedProgram(container, 2, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"dest"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"in"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"out"),cachedProgram(container, 5, data),container.noop)) != null ? stack1 : "")
    + "-p "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "proto", LOC[8] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(lookupProperty(depth0,"match"),"multiport"),cachedProgram(container, 6, data),cachedProgram(container, 7, data))) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "ports", LOC[10] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"ctstate"),cachedProgram(container, 8, data),cachedProgram(container, 10, data))) != null ? stack1 : "")
    + " -m comment --comment "
    + ((stack1 = helpers.__direct.iptQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + " -j "
    + ((stack1 = alias2(alias1(depth0, "jump", LOC[13] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"to"),cachedProgram(container, 12, data),container.noop)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-s "
    + ((stack1 = container.lambda(container.strict(depth0, "source", LOC[15] ), depth0)) != null ? stack1 : "")
    + " ";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-d "
    + ((stack1 = container.lambda(container.strict(depth0, "dest", LOC[16] ), depth0)) != null ? stack1 : "")
    + " ";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-i "
    + ((stack1 = container.lambda(container.strict(depth0, "in", LOC[17] ), depth0)) != null ? stack1 : "")
    + " ";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-o "
    + ((stack1 = container.lambda(container.strict(depth0, "out", LOC[18] ), depth0)) != null ? stack1 : "")
    + " ";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-m multiport --"
    + ((stack1 = container.lambda(container.strict(depth0, "side", LOC[19] ), depth0)) != null ? stack1 : "")
    + "ports";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "-m "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "proto", LOC[20] ), depth0)) != null ? stack1 : "")
    + " --"
    + ((stack1 = alias2(alias1(depth0, "side", LOC[21] ), depth0)) != null ? stack1 : "")
    + "port";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " -m conntrack --ctstate "
    + ((stack1 = container.lambda(container.strict(depth0, "ctstate", LOC[22] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"ctdir"),cachedProgram(container, 9, data),container.noop)) != null ? stack1 : "");
},"9":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " --ctdir "
    + ((stack1 = container.lambda(container.strict(depth0, "ctdir", LOC[24] ), depth0)) != null ? stack1 : "");
},"10":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"ctdir"),cachedProgram(container, 11, data),container.noop)) != null ? stack1 : "");
},"11":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " -m conntrack --ctdir "
    + ((stack1 = container.lambda(container.strict(depth0, "ctdir", LOC[26] ), depth0)) != null ? stack1 : "");
},"12":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " --to-destination "
    + ((stack1 = container.lambda(container.strict(depth0, "to", LOC[27] ), depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.restoreComments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"chains"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[29]})) != null ? stack1 : "");
},"useData":true};
    },
  },
  "mikrotik/default": {
    helpers: ["rosComments","rosQuote","rosWord"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":10,"column":44},"end":{"line":10,"column":61}},{"start":{"line":10,"column":81},"end":{"line":10,"column":101}},{"start":{"line":16,"column":9},"end":{"line":16,"column":35}},{"start":{"line":16,"column":46},"end":{"line":16,"column":53}},{"start":{"line":16,"column":64},"end":{"line":16,"column":84}},{"start":{"line":22,"column":50},"end":{"line":22,"column":71}},{"start":{"line":22,"column":71},"end":{"line":22,"column":142}},{"start":{"line":22,"column":154},"end":{"line":22,"column":159}},{"start":{"line":22,"column":173},"end":{"line":22,"column":180}},{"start":{"line":22,"column":198},"end":{"line":22,"column":207}},{"start":{"line":22,"column":209},"end":{"line":22,"column":252}},{"start":{"line":22,"column":261},"end":{"line":22,"column":281}},{"start":{"line":22,"column":110},"end":{"line":22,"column":135}},{"start":{"line":22,"column":236},"end":{"line":22,"column":243}},{"start":{"line":25,"column":0},"end":{"line":27,"column":9}},{"start":{"line":28,"column":51},"end":{"line":28,"column":75}},{"start":{"line":28,"column":90},"end":{"line":28,"column":93}},{"start":{"line":28,"column":104},"end":{"line":28,"column":142}},{"start":{"line":26,"column":50},"end":{"line":26,"column":71}},{"start":{"line":26,"column":106},"end":{"line":26,"column":111}},{"start":{"line":26,"column":125},"end":{"line":26,"column":132}},{"start":{"line":26,"column":150},"end":{"line":26,"column":159}},{"start":{"line":26,"column":161},"end":{"line":26,"column":204}},{"start":{"line":26,"column":213},"end":{"line":26,"column":233}},{"start":{"line":40,"column":0},"end":{"line":42,"column":9}},{"start":{"line":41,"column":64},"end":{"line":41,"column":94}},{"start":{"line":41,"column":150},"end":{"line":41,"column":171}},{"start":{"line":41,"column":206},"end":{"line":41,"column":211}},{"start":{"line":41,"column":225},"end":{"line":41,"column":232}},{"start":{"line":41,"column":243},"end":{"line":41,"column":263}},{"start":{"line":56,"column":0},"end":{"line":58,"column":7}},{"start":{"line":59,"column":0},"end":{"line":61,"column":7}},{"start":{"line":62,"column":0},"end":{"line":64,"column":7}},{"start":{"line":57,"column":59},"end":{"line":57,"column":130}},{"start":{"line":57,"column":145},"end":{"line":57,"column":154}},{"start":{"line":57,"column":168},"end":{"line":57,"column":173}},{"start":{"line":57,"column":187},"end":{"line":57,"column":192}},{"start":{"line":57,"column":203},"end":{"line":57,"column":223}},{"start":{"line":60,"column":78},"end":{"line":60,"column":99}},{"start":{"line":60,"column":114},"end":{"line":60,"column":123}},{"start":{"line":60,"column":137},"end":{"line":60,"column":142}},{"start":{"line":60,"column":156},"end":{"line":60,"column":161}},{"start":{"line":60,"column":172},"end":{"line":60,"column":199}},{"start":{"line":63,"column":74},"end":{"line":63,"column":83}},{"start":{"line":63,"column":97},"end":{"line":63,"column":102}},{"start":{"line":63,"column":116},"end":{"line":63,"column":121}},{"start":{"line":63,"column":132},"end":{"line":63,"column":157}},{"start":{"line":67,"column":223},"end":{"line":67,"column":244}},{"start":{"line":76,"column":24},"end":{"line":76,"column":45}},{"start":{"line":77,"column":0},"end":{"line":79,"column":9}},{"start":{"line":82,"column":27},"end":{"line":82,"column":48}},{"start":{"line":83,"column":0},"end":{"line":86,"column":9}},{"start":{"line":87,"column":0},"end":{"line":89,"column":7}},{"start":{"line":84,"column":76},"end":{"line":84,"column":100}},{"start":{"line":84,"column":100},"end":{"line":84,"column":177}},{"start":{"line":84,"column":192},"end":{"line":84,"column":208}},{"start":{"line":84,"column":222},"end":{"line":84,"column":227}},{"start":{"line":84,"column":241},"end":{"line":84,"column":246}},{"start":{"line":84,"column":257},"end":{"line":84,"column":277}},{"start":{"line":85,"column":80},"end":{"line":85,"column":104}},{"start":{"line":85,"column":119},"end":{"line":85,"column":135}},{"start":{"line":85,"column":149},"end":{"line":85,"column":154}},{"start":{"line":85,"column":168},"end":{"line":85,"column":173}},{"start":{"line":85,"column":184},"end":{"line":85,"column":209}},{"start":{"line":84,"column":142},"end":{"line":84,"column":170}},{"start":{"line":88,"column":344},"end":{"line":88,"column":365}},{"start":{"line":1,"column":0},"end":{"line":1,"column":22}},{"start":{"line":9,"column":0},"end":{"line":11,"column":9}},{"start":{"line":14,"column":24},"end":{"line":14,"column":45}},{"start":{"line":15,"column":0},"end":{"line":17,"column":9}},{"start":{"line":20,"column":27},"end":{"line":20,"column":48}},{"start":{"line":21,"column":0},"end":{"line":23,"column":9}},{"start":{"line":24,"column":0},"end":{"line":29,"column":7}},{"start":{"line":31,"column":0},"end":{"line":36,"column":7}},{"start":{"line":38,"column":27},"end":{"line":38,"column":48}},{"start":{"line":39,"column":0},"end":{"line":43,"column":7}},{"start":{"line":54,"column":27},"end":{"line":54,"column":48}},{"start":{"line":55,"column":0},"end":{"line":65,"column":9}},{"start":{"line":66,"column":0},"end":{"line":68,"column":7}},{"start":{"line":69,"column":0},"end":{"line":90,"column":7}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ":if ([:len [/interface list find where name="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"name"))) != null ? stack1 : "")
    + "]] = 0) do={:error ("
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"missing"))) != null ? stack1 : "")
    + " . \" Its interface lists:\" . $lists)}\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "add list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(data,"root"),"listName"))) != null ? stack1 : "")
    + " address="
    + ((stack1 = container.lambda(container.strict(depth0, "address", LOC[3] ), depth0)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "add chain=dstnat action=dst-nat in-interface-list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(data,"root"),"wan"))) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(data,"root"),"srcList"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + " protocol="
    + ((stack1 = alias3(alias2(depth0, "proto", LOC[7] ), depth0)) != null ? stack1 : "")
    + " dst-port="
    + ((stack1 = alias3(alias2(depth0, "dstPort", LOC[8] ), depth0)) != null ? stack1 : "")
    + " to-addresses="
    + ((stack1 = alias3(alias2(lookupProperty(data,"root"), "nas", LOC[9] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"toPorts"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + "\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " src-address-list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(data,"root"),"srcList"))) != null ? stack1 : "");
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " to-ports="
    + ((stack1 = container.lambda(container.strict(depth0, "toPorts", LOC[13] ), depth0)) != null ? stack1 : "");
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(lookupProperty(depth0,"hairpin"),"nat"),{"name":"each","hash":{},"fn":cachedProgram(container, 6, data),"inverse":container.noop,"data":data,"loc":LOC[14]})) != null ? stack1 : "")
    + "add chain=srcnat action=masquerade connection-mark="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(depth0,"hairpin"),"mark"))) != null ? stack1 : "")
    + " dst-address="
    + ((stack1 = container.lambda(container.strict(depth0, "nas", LOC[16] ), depth0)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(lookupProperty(depth0,"hairpin"),"masqueradeComment"))) != null ? stack1 : "")
    + "\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "add chain=dstnat action=dst-nat in-interface-list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(data,"root"),"lan"))) != null ? stack1 : "")
    + " dst-address-type=local protocol="
    + ((stack1 = alias3(alias2(depth0, "proto", LOC[19] ), depth0)) != null ? stack1 : "")
    + " dst-port="
    + ((stack1 = alias3(alias2(depth0, "dstPort", LOC[20] ), depth0)) != null ? stack1 : "")
    + " to-addresses="
    + ((stack1 = alias3(alias2(lookupProperty(data,"root"), "nas", LOC[21] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"toPorts"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + "\n";
},"7":function(container,depth0,helpers,partials,data) {
    return "# Hairpin connections are marked here, before dstnat, so that the srcnat masquerade above matches\n# them and nothing else (never a connection from the WAN).\n";
},"8":function(container,depth0,helpers,partials,data) {
    return "# Hairpin is off: this only removes the connection-marking rules an earlier run may have added.\n";
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"hairpin"),"mangle"),{"name":"each","hash":{},"fn":cachedProgram(container, 10, data),"inverse":container.noop,"data":data,"loc":LOC[24]})) != null ? stack1 : "");
},"10":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "add chain=prerouting action=mark-connection new-connection-mark="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(lookupProperty(data,"root"),"hairpin"),"mark"))) != null ? stack1 : "")
    + " passthrough=yes connection-state=new in-interface-list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(data,"root"),"lan"))) != null ? stack1 : "")
    + " dst-address-type=local protocol="
    + ((stack1 = alias3(alias2(depth0, "proto", LOC[27] ), depth0)) != null ? stack1 : "")
    + " dst-port="
    + ((stack1 = alias3(alias2(depth0, "dstPort", LOC[28] ), depth0)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + "\n";
},"11":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"comment"),cachedProgram(container, 12, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"hairpinComment"),cachedProgram(container, 13, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"replyComment"),cachedProgram(container, 14, data),container.noop)) != null ? stack1 : "");
},"12":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "add chain=forward action=accept connection-nat-state=dstnat"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(data,"root"),"srcList"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + " dst-address="
    + ((stack1 = alias3(alias2(lookupProperty(data,"root"), "nas", LOC[34] ), depth0)) != null ? stack1 : "")
    + " protocol="
    + ((stack1 = alias3(alias2(depth0, "proto", LOC[35] ), depth0)) != null ? stack1 : "")
    + " dst-port="
    + ((stack1 = alias3(alias2(depth0, "ports", LOC[36] ), depth0)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + "\n";
},"13":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "add chain=forward action=accept connection-nat-state=dstnat in-interface-list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(data,"root"),"lan"))) != null ? stack1 : "")
    + " dst-address="
    + ((stack1 = alias3(alias2(lookupProperty(data,"root"), "nas", LOC[39] ), depth0)) != null ? stack1 : "")
    + " protocol="
    + ((stack1 = alias3(alias2(depth0, "proto", LOC[40] ), depth0)) != null ? stack1 : "")
    + " dst-port="
    + ((stack1 = alias3(alias2(depth0, "ports", LOC[41] ), depth0)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"hairpinComment"))) != null ? stack1 : "")
    + "\n";
},"14":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "add chain=forward action=accept connection-nat-state=dstnat src-address="
    + ((stack1 = alias2(alias1(lookupProperty(data,"root"), "nas", LOC[43] ), depth0)) != null ? stack1 : "")
    + " protocol="
    + ((stack1 = alias2(alias1(depth0, "proto", LOC[44] ), depth0)) != null ? stack1 : "")
    + " src-port="
    + ((stack1 = alias2(alias1(depth0, "ports", LOC[45] ), depth0)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"replyComment"))) != null ? stack1 : "")
    + "\n";
},"15":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ":if ([:len [/ip firewall filter find where chain=forward and dynamic=no and (action=drop or action=reject or action=tarpit or action=jump)]] > 0) do={/ip firewall filter move numbers=[/ip firewall filter find where comment~"
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"tagRegex"))) != null ? stack1 : "")
    + "] destination=[:pick [/ip firewall filter find where chain=forward and dynamic=no and (action=drop or action=reject or action=tarpit or action=jump)] 0]}\n";
},"16":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n# IPv6 has no NAT: the NAS's own ports are opened on its IPv6 address. The :if line moves the accepts\n# just above the last drop, reject or tarpit of the forward chain: with defconf that is \"drop\n# everything else not coming from LAN\", so defconf's \"drop invalid\" and bad_ipv6 drops stay above\n# them and keep dropping what they drop. Without such a rule they stay last.\n/ipv6 firewall address-list\nremove [find where list="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"listName"))) != null ? stack1 : "")
    + "]\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(lookupProperty(depth0,"v6"),"addresses"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[49]})) != null ? stack1 : "")
    + "\n/ipv6 firewall filter\nremove [find where comment~"
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"tagRegex"))) != null ? stack1 : "")
    + "]\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(lookupProperty(depth0,"v6"),"accepts"),{"name":"each","hash":{},"fn":cachedProgram(container, 17, data),"inverse":container.noop,"data":data,"loc":LOC[51]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"v6"),"hasAccepts"),cachedProgram(container, 19, data),container.noop)) != null ? stack1 : "");
},"17":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "add chain=forward action=accept connection-state=!invalid in-interface-list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(lookupProperty(data,"root"),"v6"),"wan"))) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(lookupProperty(data,"root"),"v6"),"srcList"),cachedProgram(container, 18, data),container.noop)) != null ? stack1 : "")
    + " dst-address="
    + ((stack1 = alias3(alias2(lookupProperty(lookupProperty(data,"root"),"v6"), "address", LOC[55] ), depth0)) != null ? stack1 : "")
    + " protocol="
    + ((stack1 = alias3(alias2(depth0, "proto", LOC[56] ), depth0)) != null ? stack1 : "")
    + " dst-port="
    + ((stack1 = alias3(alias2(depth0, "ports", LOC[57] ), depth0)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + "\nadd chain=forward action=accept connection-state=established out-interface-list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(lookupProperty(data,"root"),"v6"),"wan"))) != null ? stack1 : "")
    + " src-address="
    + ((stack1 = alias3(alias2(lookupProperty(lookupProperty(data,"root"),"v6"), "address", LOC[60] ), depth0)) != null ? stack1 : "")
    + " protocol="
    + ((stack1 = alias3(alias2(depth0, "proto", LOC[61] ), depth0)) != null ? stack1 : "")
    + " src-port="
    + ((stack1 = alias3(alias2(depth0, "ports", LOC[62] ), depth0)) != null ? stack1 : "")
    + " comment="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"replyComment"))) != null ? stack1 : "")
    + "\n";
},"18":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " src-address-list="
    + ((stack1 = helpers.__direct.rosWord(lookupProperty(lookupProperty(lookupProperty(data,"root"),"v6"),"srcList"))) != null ? stack1 : "");
},"19":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ":if ([:len [/ipv6 firewall filter find where chain=forward and dynamic=no and (action=drop or action=reject or action=tarpit)]] > 0) do={:local drops [/ipv6 firewall filter find where chain=forward and dynamic=no and (action=drop or action=reject or action=tarpit)]; /ipv6 firewall filter move numbers=[/ipv6 firewall filter find where comment~"
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"tagRegex"))) != null ? stack1 : "")
    + "] destination=[:pick $drops ([:len $drops] - 1)]}\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.rosComments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n\n# The whole script is one block: pasted into a terminal, a failed check stops it as /import would\n# (line by line, a terminal runs the next lines anyway). Nothing changes unless the interface lists\n# the rules name exist: a rule on a missing list would be added and forward nothing.\n{\n:local lists \"\"\n:foreach l in=[/interface list find] do={:set lists ($lists . \" \" . [/interface list get $l name])}\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"needed"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[67]})) != null ? stack1 : "")
    + "\n/ip firewall address-list\nremove [find where list="
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"listName"))) != null ? stack1 : "")
    + "]\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"addresses"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[69]})) != null ? stack1 : "")
    + "\n/ip firewall nat\nremove [find where comment~"
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"tagRegex"))) != null ? stack1 : "")
    + "]\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"nat"),{"name":"each","hash":{},"fn":cachedProgram(container, 2, data),"inverse":container.noop,"data":data,"loc":LOC[71]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"hairpin"),cachedProgram(container, 5, data),container.noop)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"hairpin"),cachedProgram(container, 7, data),cachedProgram(container, 8, data))) != null ? stack1 : "")
    + "/ip firewall mangle\nremove [find where comment~"
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"tagRegex"))) != null ? stack1 : "")
    + "]\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"hairpin"),cachedProgram(container, 9, data),container.noop)) != null ? stack1 : "")
    + "\n# Forward rules. The default configuration (defconf) already lets dst-natted connections through:\n# its \"drop all from WAN not DSTNATed\" skips them. A custom firewall may drop them, so each NAS port\n# list gets a narrow accept (connection-nat-state=dstnat, dst-address = the NAS, dst-port = its\n# ports) and a reply accept (src-address = the NAS, src-port = its ports) for firewalls without an\n# \"accept established,related\" rule. The :if line then moves them above the first drop, reject,\n# tarpit or jump rule of the forward chain: with defconf that is \"drop invalid\", below fasttrack and\n# \"accept established,related\", so fasttrack keeps working. Without such a rule they stay last,\n# where the chain already accepts. place-before=0 is not used: it would put them above fasttrack.\n/ip firewall filter\nremove [find where comment~"
    + ((stack1 = helpers.__direct.rosQuote(lookupProperty(depth0,"tagRegex"))) != null ? stack1 : "")
    + "]\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"filter"),{"name":"each","hash":{},"fn":cachedProgram(container, 11, data),"inverse":container.noop,"data":data,"loc":LOC[77]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"hasFilter"),cachedProgram(container, 15, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"v6"),cachedProgram(container, 16, data),container.noop)) != null ? stack1 : "")
    + "}\n";
},"useData":true};
    },
  },
  "miniupnpd/default": {
    helpers: ["confLine"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":2,"column":2},"end":{"line":2,"column":19}},{"start":{"line":6,"column":0},"end":{"line":8,"column":9}},{"start":{"line":9,"column":0},"end":{"line":11,"column":9}},{"start":{"line":10,"column":8},"end":{"line":10,"column":11}},{"start":{"line":10,"column":16},"end":{"line":10,"column":25}},{"start":{"line":10,"column":33},"end":{"line":10,"column":36}},{"start":{"line":1,"column":0},"end":{"line":3,"column":9}},{"start":{"line":4,"column":10},"end":{"line":4,"column":13}},{"start":{"line":5,"column":0},"end":{"line":12,"column":9}},{"start":{"line":13,"column":4},"end":{"line":13,"column":7}},{"start":{"line":15,"column":8},"end":{"line":15,"column":11}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# "
    + ((stack1 = helpers.__direct.confLine(depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"comments"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[1]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"perms"),{"name":"each","hash":{},"fn":cachedProgram(container, 2, data),"inverse":container.noop,"data":data,"loc":LOC[2]})) != null ? stack1 : "");
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "allow "
    + ((stack1 = alias2(alias1(depth0, "ext", LOC[3] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(data,"root"), "nas", LOC[4] ), depth0)) != null ? stack1 : "")
    + "/32 "
    + ((stack1 = alias2(alias1(depth0, "int", LOC[5] ), depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"header"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[6]})) != null ? stack1 : "")
    + "# BEGIN "
    + ((stack1 = alias3(alias2(depth0, "tag", LOC[7] ), depth0)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"entries"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[8]})) != null ? stack1 : "")
    + "# "
    + ((stack1 = alias3(alias2(depth0, "tag", LOC[9] ), depth0)) != null ? stack1 : "")
    + ": deny every other mapping request (UPnP IGD, NAT-PMP, PCP) from any host\ndeny 0-65535 0.0.0.0/0 0-65535\n# END "
    + ((stack1 = alias3(alias2(depth0, "tag", LOC[10] ), depth0)) != null ? stack1 : "")
    + "\n";
},"useData":true};
    },
  },
  "nftables/default": {
    helpers: ["nftComments","nftString"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":11,"column":9},"end":{"line":11,"column":13}},{"start":{"line":16,"column":0},"end":{"line":18,"column":11}},{"start":{"line":19,"column":9},"end":{"line":19,"column":13}},{"start":{"line":20,"column":9},"end":{"line":20,"column":13}},{"start":{"line":20,"column":23},"end":{"line":20,"column":27}},{"start":{"line":20,"column":41},"end":{"line":20,"column":49}},{"start":{"line":21,"column":0},"end":{"line":23,"column":9}},{"start":{"line":22,"column":2},"end":{"line":22,"column":38}},{"start":{"line":22,"column":38},"end":{"line":22,"column":127}},{"start":{"line":22,"column":127},"end":{"line":22,"column":192}},{"start":{"line":22,"column":192},"end":{"line":22,"column":249}},{"start":{"line":22,"column":249},"end":{"line":22,"column":285}},{"start":{"line":22,"column":285},"end":{"line":22,"column":346}},{"start":{"line":22,"column":346},"end":{"line":22,"column":469}},{"start":{"line":22,"column":469},"end":{"line":22,"column":525}},{"start":{"line":22,"column":525},"end":{"line":22,"column":567}},{"start":{"line":22,"column":567},"end":{"line":22,"column":719}},{"start":{"line":22,"column":719},"end":{"line":22,"column":752}},{"start":{"line":22,"column":761},"end":{"line":22,"column":782}},{"start":{"line":22,"column":24},"end":{"line":22,"column":27}},{"start":{"line":22,"column":156},"end":{"line":22,"column":165}},{"start":{"line":22,"column":173},"end":{"line":22,"column":182}},{"start":{"line":22,"column":207},"end":{"line":22,"column":219}},{"start":{"line":22,"column":230},"end":{"line":22,"column":239}},{"start":{"line":22,"column":300},"end":{"line":22,"column":312}},{"start":{"line":22,"column":323},"end":{"line":22,"column":336}},{"start":{"line":22,"column":359},"end":{"line":22,"column":461}},{"start":{"line":22,"column":374},"end":{"line":22,"column":438}},{"start":{"line":22,"column":447},"end":{"line":22,"column":450}},{"start":{"line":22,"column":424},"end":{"line":22,"column":429}},{"start":{"line":22,"column":508},"end":{"line":22,"column":515}},{"start":{"line":22,"column":552},"end":{"line":22,"column":558}},{"start":{"line":22,"column":582},"end":{"line":22,"column":712}},{"start":{"line":22,"column":599},"end":{"line":22,"column":685}},{"start":{"line":22,"column":698},"end":{"line":22,"column":701}},{"start":{"line":22,"column":671},"end":{"line":22,"column":676}},{"start":{"line":22,"column":736},"end":{"line":22,"column":743}},{"start":{"line":2,"column":0},"end":{"line":2,"column":22}},{"start":{"line":4,"column":13},"end":{"line":4,"column":18}},{"start":{"line":5,"column":20},"end":{"line":5,"column":25}},{"start":{"line":6,"column":13},"end":{"line":6,"column":18}},{"start":{"line":10,"column":0},"end":{"line":12,"column":9}},{"start":{"line":15,"column":0},"end":{"line":25,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\t\tiif \""
    + ((stack1 = container.lambda(container.strict(depth0, "name", LOC[0] ), depth0)) != null ? stack1 : "")
    + "\" return\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.unlessBlock(alias1,lookupProperty(data,"first"),cachedProgram(container, 2, data),container.noop)) != null ? stack1 : "")
    + "\tchain "
    + ((stack1 = alias3(alias2(depth0, "name", LOC[2] ), depth0)) != null ? stack1 : "")
    + " {\n\t\ttype "
    + ((stack1 = alias3(alias2(depth0, "type", LOC[3] ), depth0)) != null ? stack1 : "")
    + " hook "
    + ((stack1 = alias3(alias2(depth0, "hook", LOC[4] ), depth0)) != null ? stack1 : "")
    + " priority "
    + ((stack1 = alias3(alias2(depth0, "priority", LOC[5] ), depth0)) != null ? stack1 : "")
    + "; policy accept;\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 3, data),"inverse":container.noop,"data":data,"loc":LOC[6]})) != null ? stack1 : "")
    + "\t}\n";
},"2":function(container,depth0,helpers,partials,data) {
    return "\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"iif"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"local"),cachedProgram(container, 5, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"markMatch"),cachedProgram(container, 6, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"saddr"),cachedProgram(container, 7, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"ctDnat"),cachedProgram(container, 8, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"daddr"),cachedProgram(container, 9, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"ports"),cachedProgram(container, 10, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"setMark"),cachedProgram(container, 14, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"dnatTo"),cachedProgram(container, 15, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"dnatMap"),cachedProgram(container, 16, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"verdict"),cachedProgram(container, 20, data),container.noop)) != null ? stack1 : "")
    + " comment "
    + ((stack1 = helpers.__direct.nftString(lookupProperty(depth0,"comment"))) != null ? stack1 : "")
    + "\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "iifname \""
    + ((stack1 = container.lambda(container.strict(depth0, "iif", LOC[19] ), depth0)) != null ? stack1 : "")
    + "\" ";
},"5":function(container,depth0,helpers,partials,data) {
    return "meta nfproto ipv4 fib daddr type local fib daddr . iif type != local ";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda;

  return "ct mark & "
    + ((stack1 = alias2(alias1(depth0, "markMatch", LOC[20] ), depth0)) != null ? stack1 : "")
    + " == "
    + ((stack1 = alias2(alias1(depth0, "markMatch", LOC[21] ), depth0)) != null ? stack1 : "")
    + " ";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = alias2(alias1(lookupProperty(depth0,"saddr"), "family", LOC[22] ), depth0)) != null ? stack1 : "")
    + " saddr "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"saddr"), "set", LOC[23] ), depth0)) != null ? stack1 : "")
    + " ";
},"8":function(container,depth0,helpers,partials,data) {
    return "ct status dnat ";
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = alias2(alias1(lookupProperty(depth0,"daddr"), "family", LOC[24] ), depth0)) != null ? stack1 : "")
    + " daddr "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"daddr"), "address", LOC[25] ), depth0)) != null ? stack1 : "")
    + " ";
},"10":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.with.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"ports"),{"name":"with","hash":{},"fn":cachedProgram(container, 11, data),"inverse":container.noop,"data":data,"loc":LOC[26]})) != null ? stack1 : "")
    + " ";
},"11":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"both"),cachedProgram(container, 12, data),cachedProgram(container, 13, data))) != null ? stack1 : "")
    + " dport "
    + ((stack1 = container.lambda(container.strict(depth0, "set", LOC[28] ), depth0)) != null ? stack1 : "");
},"12":function(container,depth0,helpers,partials,data) {
    return "meta l4proto { tcp, udp } th";
},"13":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(container.strict(depth0, "proto", LOC[29] ), depth0)) != null ? stack1 : "");
},"14":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "ct mark set ct mark | "
    + ((stack1 = container.lambda(container.strict(depth0, "setMark", LOC[30] ), depth0)) != null ? stack1 : "")
    + " ";
},"15":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "dnat ip to "
    + ((stack1 = container.lambda(container.strict(depth0, "dnatTo", LOC[31] ), depth0)) != null ? stack1 : "");
},"16":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.with.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"dnatMap"),{"name":"with","hash":{},"fn":cachedProgram(container, 17, data),"inverse":container.noop,"data":data,"loc":LOC[32]})) != null ? stack1 : "");
},"17":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"both"),cachedProgram(container, 18, data),cachedProgram(container, 19, data))) != null ? stack1 : "")
    + " dport map "
    + ((stack1 = container.lambda(container.strict(depth0, "set", LOC[34] ), depth0)) != null ? stack1 : "");
},"18":function(container,depth0,helpers,partials,data) {
    return "meta l4proto { tcp, udp } dnat ip to th";
},"19":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "dnat ip to "
    + ((stack1 = container.lambda(container.strict(depth0, "proto", LOC[35] ), depth0)) != null ? stack1 : "");
},"20":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(container.strict(depth0, "verdict", LOC[36] ), depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/usr/sbin/nft -f\n"
    + ((stack1 = helpers.__direct.nftComments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n\ntable inet "
    + ((stack1 = alias3(alias2(depth0, "table", LOC[38] ), depth0)) != null ? stack1 : "")
    + "\ndelete table inet "
    + ((stack1 = alias3(alias2(depth0, "table", LOC[39] ), depth0)) != null ? stack1 : "")
    + "\ntable inet "
    + ((stack1 = alias3(alias2(depth0, "table", LOC[40] ), depth0)) != null ? stack1 : "")
    + " {\n\t# nft resolves iif at load time: loading fails, changing nothing, if an interface the rules\n\t# name does not exist (iifname, used below, would accept any name and match nothing).\n\tchain interfaces {\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"needed"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[41]})) != null ? stack1 : "")
    + "\t}\n\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"chains"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[42]})) != null ? stack1 : "")
    + "}\n";
},"useData":true};
    },
  },
  "openwrt/config": {
    helpers: ["uciComment","uciComments","uciQuote"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":4,"column":0},"end":{"line":4,"column":22}},{"start":{"line":5,"column":16},"end":{"line":5,"column":31}},{"start":{"line":6,"column":13},"end":{"line":6,"column":30}},{"start":{"line":8,"column":12},"end":{"line":8,"column":34}},{"start":{"line":9,"column":0},"end":{"line":11,"column":7}},{"start":{"line":12,"column":18},"end":{"line":12,"column":39}},{"start":{"line":13,"column":13},"end":{"line":13,"column":36}},{"start":{"line":14,"column":16},"end":{"line":14,"column":42}},{"start":{"line":15,"column":0},"end":{"line":17,"column":7}},{"start":{"line":18,"column":0},"end":{"line":20,"column":7}},{"start":{"line":21,"column":0},"end":{"line":23,"column":7}},{"start":{"line":25,"column":0},"end":{"line":30,"column":7}},{"start":{"line":10,"column":15},"end":{"line":10,"column":33}},{"start":{"line":16,"column":18},"end":{"line":16,"column":39}},{"start":{"line":26,"column":19},"end":{"line":26,"column":42}},{"start":{"line":27,"column":0},"end":{"line":29,"column":7}},{"start":{"line":28,"column":23},"end":{"line":28,"column":49}},{"start":{"line":34,"column":0},"end":{"line":34,"column":22}},{"start":{"line":35,"column":12},"end":{"line":35,"column":27}},{"start":{"line":36,"column":13},"end":{"line":36,"column":30}},{"start":{"line":38,"column":12},"end":{"line":38,"column":34}},{"start":{"line":39,"column":0},"end":{"line":41,"column":9}},{"start":{"line":42,"column":13},"end":{"line":42,"column":36}},{"start":{"line":43,"column":16},"end":{"line":43,"column":43}},{"start":{"line":44,"column":18},"end":{"line":44,"column":39}},{"start":{"line":45,"column":0},"end":{"line":47,"column":7}},{"start":{"line":48,"column":0},"end":{"line":50,"column":7}},{"start":{"line":40,"column":13},"end":{"line":40,"column":31}},{"start":{"line":1,"column":0},"end":{"line":1,"column":22}},{"start":{"line":2,"column":0},"end":{"line":31,"column":9}},{"start":{"line":32,"column":0},"end":{"line":52,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = helpers.__direct.uciComment(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "\nconfig redirect "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"id"))) != null ? stack1 : "")
    + "\n\toption name "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"name"))) != null ? stack1 : "")
    + "\n\toption target 'DNAT'\n\toption src "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(lookupProperty(data,"root"),"src"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"srcIp"),cachedProgram(container, 1, data),container.noop)) != null ? stack1 : "")
    + "\toption src_dport "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"srcDport"))) != null ? stack1 : "")
    + "\n\toption dest "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(lookupProperty(data,"root"),"dest"))) != null ? stack1 : "")
    + "\n\toption dest_ip "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(lookupProperty(data,"root"),"address"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"destPort"),cachedProgram(container, 2, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"tcp"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"udp"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + "\toption family 'ipv4'\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"reflection"),cachedProgram(container, 5, data),container.noop)) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\toption src_ip "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"srcIp"))) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\toption dest_port "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"destPort"))) != null ? stack1 : "")
    + "\n";
},"3":function(container,depth0,helpers,partials,data) {
    return "\tlist proto 'tcp'\n";
},"4":function(container,depth0,helpers,partials,data) {
    return "\tlist proto 'udp'\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\toption reflection "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"reflection"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"reflectionSrc"),cachedProgram(container, 6, data),container.noop)) != null ? stack1 : "");
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\toption reflection_src "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"reflectionSrc"))) != null ? stack1 : "")
    + "\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = helpers.__direct.uciComment(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "\nconfig rule "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"id"))) != null ? stack1 : "")
    + "\n\toption name "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"name"))) != null ? stack1 : "")
    + "\n\toption family 'ipv6'\n\toption src "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(lookupProperty(data,"root"),"src"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"srcIps"),{"name":"each","hash":{},"fn":cachedProgram(container, 8, data),"inverse":container.noop,"data":data,"loc":LOC[21]})) != null ? stack1 : "")
    + "\toption dest "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(lookupProperty(data,"root"),"dest"))) != null ? stack1 : "")
    + "\n\toption dest_ip "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(lookupProperty(data,"root"),"address6"))) != null ? stack1 : "")
    + "\n\toption dest_port "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"destPort"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"tcp"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"udp"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + "\toption target 'ACCEPT'\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\tlist src_ip "
    + ((stack1 = helpers.__direct.uciQuote(lookupProperty(depth0,"value"))) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.uciComments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(lookupProperty(depth0,"redirects"),"sections"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[29]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(lookupProperty(depth0,"rules6"),"sections"),{"name":"each","hash":{},"fn":cachedProgram(container, 7, data),"inverse":container.noop,"data":data,"loc":LOC[30]})) != null ? stack1 : "");
},"useData":true};
    },
  },
  "openwrt/default": {
    helpers: ["shComment","shComments","shQuote"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":38,"column":2},"end":{"line":38,"column":21}},{"start":{"line":40,"column":7},"end":{"line":40,"column":26}},{"start":{"line":52,"column":1},"end":{"line":52,"column":22}},{"start":{"line":53,"column":26},"end":{"line":53,"column":28}},{"start":{"line":54,"column":20},"end":{"line":54,"column":22}},{"start":{"line":55,"column":20},"end":{"line":55,"column":22}},{"start":{"line":55,"column":30},"end":{"line":55,"column":46}},{"start":{"line":56,"column":20},"end":{"line":56,"column":22}},{"start":{"line":57,"column":20},"end":{"line":57,"column":22}},{"start":{"line":57,"column":29},"end":{"line":57,"column":50}},{"start":{"line":58,"column":0},"end":{"line":60,"column":7}},{"start":{"line":61,"column":20},"end":{"line":61,"column":22}},{"start":{"line":61,"column":35},"end":{"line":61,"column":55}},{"start":{"line":62,"column":20},"end":{"line":62,"column":22}},{"start":{"line":62,"column":30},"end":{"line":62,"column":52}},{"start":{"line":63,"column":20},"end":{"line":63,"column":22}},{"start":{"line":63,"column":33},"end":{"line":63,"column":58}},{"start":{"line":64,"column":0},"end":{"line":66,"column":7}},{"start":{"line":67,"column":0},"end":{"line":69,"column":7}},{"start":{"line":70,"column":0},"end":{"line":72,"column":7}},{"start":{"line":73,"column":20},"end":{"line":73,"column":22}},{"start":{"line":74,"column":0},"end":{"line":79,"column":7}},{"start":{"line":59,"column":20},"end":{"line":59,"column":22}},{"start":{"line":59,"column":32},"end":{"line":59,"column":49}},{"start":{"line":65,"column":20},"end":{"line":65,"column":22}},{"start":{"line":65,"column":35},"end":{"line":65,"column":55}},{"start":{"line":68,"column":25},"end":{"line":68,"column":27}},{"start":{"line":71,"column":25},"end":{"line":71,"column":27}},{"start":{"line":75,"column":20},"end":{"line":75,"column":22}},{"start":{"line":75,"column":36},"end":{"line":75,"column":58}},{"start":{"line":76,"column":0},"end":{"line":78,"column":7}},{"start":{"line":77,"column":20},"end":{"line":77,"column":22}},{"start":{"line":77,"column":40},"end":{"line":77,"column":65}},{"start":{"line":83,"column":1},"end":{"line":83,"column":22}},{"start":{"line":84,"column":26},"end":{"line":84,"column":28}},{"start":{"line":85,"column":20},"end":{"line":85,"column":22}},{"start":{"line":86,"column":20},"end":{"line":86,"column":22}},{"start":{"line":86,"column":30},"end":{"line":86,"column":46}},{"start":{"line":87,"column":20},"end":{"line":87,"column":22}},{"start":{"line":88,"column":20},"end":{"line":88,"column":22}},{"start":{"line":88,"column":29},"end":{"line":88,"column":50}},{"start":{"line":89,"column":0},"end":{"line":91,"column":9}},{"start":{"line":92,"column":20},"end":{"line":92,"column":22}},{"start":{"line":92,"column":30},"end":{"line":92,"column":52}},{"start":{"line":93,"column":20},"end":{"line":93,"column":22}},{"start":{"line":93,"column":33},"end":{"line":93,"column":59}},{"start":{"line":94,"column":20},"end":{"line":94,"column":22}},{"start":{"line":94,"column":35},"end":{"line":94,"column":55}},{"start":{"line":95,"column":0},"end":{"line":97,"column":7}},{"start":{"line":98,"column":0},"end":{"line":100,"column":7}},{"start":{"line":101,"column":20},"end":{"line":101,"column":22}},{"start":{"line":90,"column":25},"end":{"line":90,"column":32}},{"start":{"line":90,"column":42},"end":{"line":90,"column":59}},{"start":{"line":2,"column":0},"end":{"line":2,"column":21}},{"start":{"line":10,"column":10},"end":{"line":10,"column":25}},{"start":{"line":36,"column":0},"end":{"line":45,"column":9}},{"start":{"line":50,"column":0},"end":{"line":80,"column":9}},{"start":{"line":81,"column":0},"end":{"line":102,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\tcase \"$zones\" in\n\t*"
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"pattern"))) != null ? stack1 : "")
    + "*) ;;\n\t*)\n\t\techo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"missing"))) != null ? stack1 : "")
    + " >&2\n\t\techo \"synfw: its zones:$zones\" >&2\n\t\texit 1\n\t\t;;\n\tesac\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n\t"
    + ((stack1 = helpers.__direct.shComment(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "\n\tuci -q delete firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[3] ), depth0)) != null ? stack1 : "")
    + " || true\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[4] ), depth0)) != null ? stack1 : "")
    + "=redirect\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[5] ), depth0)) != null ? stack1 : "")
    + ".name="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"name"))) != null ? stack1 : "")
    + "\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[7] ), depth0)) != null ? stack1 : "")
    + ".target='DNAT'\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[8] ), depth0)) != null ? stack1 : "")
    + ".src="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"src"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"srcIp"),cachedProgram(container, 2, data),container.noop)) != null ? stack1 : "")
    + "\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[11] ), depth0)) != null ? stack1 : "")
    + ".src_dport="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"srcDport"))) != null ? stack1 : "")
    + "\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[13] ), depth0)) != null ? stack1 : "")
    + ".dest="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"dest"))) != null ? stack1 : "")
    + "\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[15] ), depth0)) != null ? stack1 : "")
    + ".dest_ip="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"address"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"destPort"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"tcp"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"udp"),cachedProgram(container, 5, data),container.noop)) != null ? stack1 : "")
    + "\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[20] ), depth0)) != null ? stack1 : "")
    + ".family='ipv4'\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"reflection"),cachedProgram(container, 6, data),container.noop)) != null ? stack1 : "");
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\tuci set firewall."
    + ((stack1 = container.lambda(container.strict(depth0, "id", LOC[22] ), depth0)) != null ? stack1 : "")
    + ".src_ip="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"srcIp"))) != null ? stack1 : "")
    + "\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\tuci set firewall."
    + ((stack1 = container.lambda(container.strict(depth0, "id", LOC[24] ), depth0)) != null ? stack1 : "")
    + ".dest_port="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"destPort"))) != null ? stack1 : "")
    + "\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\tuci add_list firewall."
    + ((stack1 = container.lambda(container.strict(depth0, "id", LOC[26] ), depth0)) != null ? stack1 : "")
    + ".proto='tcp'\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\tuci add_list firewall."
    + ((stack1 = container.lambda(container.strict(depth0, "id", LOC[27] ), depth0)) != null ? stack1 : "")
    + ".proto='udp'\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\tuci set firewall."
    + ((stack1 = container.lambda(container.strict(depth0, "id", LOC[28] ), depth0)) != null ? stack1 : "")
    + ".reflection="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"reflection"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"reflectionSrc"),cachedProgram(container, 7, data),container.noop)) != null ? stack1 : "");
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\tuci set firewall."
    + ((stack1 = container.lambda(container.strict(depth0, "id", LOC[31] ), depth0)) != null ? stack1 : "")
    + ".reflection_src="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"reflectionSrc"))) != null ? stack1 : "")
    + "\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n\t"
    + ((stack1 = helpers.__direct.shComment(lookupProperty(depth0,"summary"))) != null ? stack1 : "")
    + "\n\tuci -q delete firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[34] ), depth0)) != null ? stack1 : "")
    + " || true\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[35] ), depth0)) != null ? stack1 : "")
    + "=rule\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[36] ), depth0)) != null ? stack1 : "")
    + ".name="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"name"))) != null ? stack1 : "")
    + "\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[38] ), depth0)) != null ? stack1 : "")
    + ".family='ipv6'\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[39] ), depth0)) != null ? stack1 : "")
    + ".src="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"src"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"srcIps"),{"name":"each","hash":{},"fn":cachedProgram(container, 9, data),"inverse":container.noop,"data":data,"loc":LOC[41]})) != null ? stack1 : "")
    + "\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[42] ), depth0)) != null ? stack1 : "")
    + ".dest="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"dest"))) != null ? stack1 : "")
    + "\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[44] ), depth0)) != null ? stack1 : "")
    + ".dest_ip="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(data,"root"),"address6"))) != null ? stack1 : "")
    + "\n\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[46] ), depth0)) != null ? stack1 : "")
    + ".dest_port="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"destPort"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"tcp"),cachedProgram(container, 4, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"udp"),cachedProgram(container, 5, data),container.noop)) != null ? stack1 : "")
    + "\tuci set firewall."
    + ((stack1 = alias3(alias2(depth0, "id", LOC[50] ), depth0)) != null ? stack1 : "")
    + ".target='ACCEPT'\n";
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\tuci add_list firewall."
    + ((stack1 = container.lambda(container.strict(depth0, "section", LOC[51] ), depth0)) != null ? stack1 : "")
    + ".src_ip="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"value"))) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/bin/sh\n"
    + ((stack1 = helpers.__direct.shComments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n\n# Everything runs in a subshell: pasted into a shell, its `set -eu` and `exit` end only the\n# subshell, never your session.\n(\nset -eu\n\n# Every redirect and rule this profile creates has a name option starting with this tag and a space.\nSYNFW_TAG="
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"tag"))) != null ? stack1 : "")
    + "\n\n# Deletes every redirect and rule section tagged with SYNFW_TAG, whatever its id: the ones set below\n# and those of earlier runs. Ids come from `uci -X show` (real ids, stable while deleting); each is\n# checked again with `uci get`, so a multi-line value elsewhere that happens to contain a line like\n# \"firewall.x=redirect\" cannot get anything but this profile's redirects and rules deleted.\nsynfw_purge() {\n\tids=$(uci -X show firewall 2>/dev/null | sed -n -e 's/^firewall\\.\\([A-Za-z0-9_]*\\)=redirect$/\\1/p' -e 's/^firewall\\.\\([A-Za-z0-9_]*\\)=rule$/\\1/p')\n\tfor id in $ids; do\n\t\tcase \"$(uci -q get \"firewall.$id\")\" in\n\t\tredirect | rule) ;;\n\t\t*) continue ;;\n\t\tesac\n\t\tcase \"$(uci -q get \"firewall.$id.name\")\" in\n\t\t\"$SYNFW_TAG \"*) uci -q delete \"firewall.$id\" ;;\n\t\tesac\n\tdone\n}\n\n# The zones the sections name must exist: fw4 skips a redirect whose zone it does not know, and the\n# reload still succeeds. Checked before anything is changed.\nsynfw_need_zones() {\n\tzones=' '\n\tfor id in $(uci -q -X show firewall | sed -n 's/^firewall\\.\\([A-Za-z0-9_]*\\)=zone$/\\1/p'); do\n\t\tzones=\"$zones$(uci -q get \"firewall.$id.name\" || true) \"\n\tdone\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"needed"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[55]})) != null ? stack1 : "")
    + "}\n\nsynfw_apply() {\n\tsynfw_purge\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(lookupProperty(depth0,"redirects"),"sections"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[56]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(lookupProperty(depth0,"rules6"),"sections"),{"name":"each","hash":{},"fn":cachedProgram(container, 8, data),"inverse":container.noop,"data":data,"loc":LOC[57]})) != null ? stack1 : "")
    + "}\n\naction=${1:-apply}\ncase \"$action\" in\napply | remove) ;;\n*)\n\techo \"usage: sh $0 [apply|remove]\" >&2\n\texit 2\n\t;;\nesac\nif ! command -v uci >/dev/null 2>&1; then\n\techo 'synfw: uci not found: run this script on the OpenWrt router' >&2\n\texit 1\nfi\nif [ -n \"$(uci -q changes firewall)\" ]; then\n\techo 'synfw: the firewall config has uncommitted changes (see: uci changes firewall); they would be' >&2\n\techo 'synfw: committed with these. Commit or revert them first (uci revert firewall), then run this again.' >&2\n\texit 1\nfi\n\nif [ \"$action\" = remove ]; then\n\tsynfw_purge\nelse\n\tsynfw_need_zones\n\tsynfw_apply\nfi\nuci commit firewall\nif [ -x /etc/init.d/firewall ]; then\n\t/etc/init.d/firewall reload\nelse\n\techo 'synfw: /etc/init.d/firewall not found: the changes are committed to /etc/config/firewall but not loaded' >&2\nfi\n)\n";
},"useData":true};
    },
  },
  "opnsense/default": {
    helpers: ["comments","text"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":9,"column":18},"end":{"line":9,"column":26}},{"start":{"line":10,"column":17},"end":{"line":10,"column":37}},{"start":{"line":13,"column":13},"end":{"line":13,"column":27}},{"start":{"line":17,"column":28},"end":{"line":17,"column":30}},{"start":{"line":18,"column":16},"end":{"line":18,"column":22}},{"start":{"line":19,"column":20},"end":{"line":19,"column":29}},{"start":{"line":2,"column":0},"end":{"line":8,"column":7}},{"start":{"line":22,"column":19},"end":{"line":22,"column":37}},{"start":{"line":23,"column":16},"end":{"line":23,"column":23}},{"start":{"line":25,"column":0},"end":{"line":27,"column":7}},{"start":{"line":4,"column":0},"end":{"line":8,"column":0}},{"start":{"line":5,"column":19},"end":{"line":5,"column":33}},{"start":{"line":7,"column":17},"end":{"line":7,"column":40}},{"start":{"line":26,"column":23},"end":{"line":26,"column":33}},{"start":{"line":36,"column":17},"end":{"line":36,"column":37}},{"start":{"line":38,"column":18},"end":{"line":38,"column":26}},{"start":{"line":41,"column":19},"end":{"line":41,"column":25}},{"start":{"line":42,"column":16},"end":{"line":42,"column":26}},{"start":{"line":44,"column":13},"end":{"line":44,"column":27}},{"start":{"line":46,"column":28},"end":{"line":46,"column":30}},{"start":{"line":53,"column":17},"end":{"line":53,"column":37}},{"start":{"line":55,"column":18},"end":{"line":55,"column":26}},{"start":{"line":58,"column":19},"end":{"line":58,"column":26}},{"start":{"line":59,"column":16},"end":{"line":59,"column":20}},{"start":{"line":61,"column":13},"end":{"line":61,"column":27}},{"start":{"line":3,"column":0},"end":{"line":3,"column":19}},{"start":{"line":7,"column":0},"end":{"line":29,"column":9}},{"start":{"line":32,"column":0},"end":{"line":48,"column":9}},{"start":{"line":49,"column":0},"end":{"line":63,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    <rule>\n      <protocol>"
    + ((stack1 = alias2(alias1(depth0, "protocol", LOC[0] ), depth0)) != null ? stack1 : "")
    + "</protocol>\n      <interface>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(data,"root"),"iface"))) != null ? stack1 : "")
    + "</interface>\n      <category/>\n      <ipprotocol>inet</ipprotocol>\n      <descr>"
    + ((stack1 = helpers.__direct.text(lookupProperty(depth0,"descr"))) != null ? stack1 : "")
    + "</descr>\n      <tag/>\n      <tagged/>\n      <poolopts/>\n      <associated-rule-id>"
    + ((stack1 = alias2(alias1(depth0, "id", LOC[3] ), depth0)) != null ? stack1 : "")
    + "</associated-rule-id>\n      <target>"
    + ((stack1 = alias2(alias1(depth0, "target", LOC[4] ), depth0)) != null ? stack1 : "")
    + "</target>\n      <local-port>"
    + ((stack1 = alias2(alias1(depth0, "localPort", LOC[5] ), depth0)) != null ? stack1 : "")
    + "</local-port>\n      <source>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 1, data),cachedProgram(container, 2, data))) != null ? stack1 : "")
    + "      </source>\n      <destination>\n        <network>"
    + ((stack1 = alias2(alias1(lookupProperty(data,"root"), "ifaceAddress", LOC[7] ), depth0)) != null ? stack1 : "")
    + "</network>\n        <port>"
    + ((stack1 = alias2(alias1(depth0, "extPort", LOC[8] ), depth0)) != null ? stack1 : "")
    + "</port>\n      </destination>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"reflection"),cachedProgram(container, 5, data),container.noop)) != null ? stack1 : "")
    + "    </rule>\n";
},"1":function(container,depth0,helpers,partials,data) {
    return "        <any>1</any>\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"source"),"address"),cachedProgram(container, 3, data),cachedProgram(container, 4, data))) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "        <address>"
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"source"), "address", LOC[11] ), depth0)) != null ? stack1 : "")
    + "</address>\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "        <network>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(depth0,"source"),"network"))) != null ? stack1 : "")
    + "</network>\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "      <natreflection>"
    + ((stack1 = container.lambda(container.strict(depth0, "reflection", LOC[13] ), depth0)) != null ? stack1 : "")
    + "</natreflection>\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    <rule>\n      <type>pass</type>\n      <source>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 1, data),cachedProgram(container, 2, data))) != null ? stack1 : "")
    + "      </source>\n      <interface>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(data,"root"),"iface"))) != null ? stack1 : "")
    + "</interface>\n      <statetype>keep state</statetype>\n      <protocol>"
    + ((stack1 = alias3(alias2(depth0, "protocol", LOC[15] ), depth0)) != null ? stack1 : "")
    + "</protocol>\n      <ipprotocol>inet</ipprotocol>\n      <destination>\n        <address>"
    + ((stack1 = alias3(alias2(depth0, "target", LOC[16] ), depth0)) != null ? stack1 : "")
    + "</address>\n        <port>"
    + ((stack1 = alias3(alias2(depth0, "filterPort", LOC[17] ), depth0)) != null ? stack1 : "")
    + "</port>\n      </destination>\n      <descr>"
    + ((stack1 = helpers.__direct.text(lookupProperty(depth0,"descr"))) != null ? stack1 : "")
    + "</descr>\n      <category/>\n      <associated-rule-id>"
    + ((stack1 = alias3(alias2(depth0, "id", LOC[19] ), depth0)) != null ? stack1 : "")
    + "</associated-rule-id>\n    </rule>\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    <rule>\n      <type>pass</type>\n      <source>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 1, data),cachedProgram(container, 2, data))) != null ? stack1 : "")
    + "      </source>\n      <interface>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(data,"root"),"iface"))) != null ? stack1 : "")
    + "</interface>\n      <statetype>keep state</statetype>\n      <protocol>"
    + ((stack1 = alias3(alias2(depth0, "protocol", LOC[21] ), depth0)) != null ? stack1 : "")
    + "</protocol>\n      <ipprotocol>inet6</ipprotocol>\n      <destination>\n        <address>"
    + ((stack1 = alias3(alias2(depth0, "address", LOC[22] ), depth0)) != null ? stack1 : "")
    + "</address>\n        <port>"
    + ((stack1 = alias3(alias2(depth0, "port", LOC[23] ), depth0)) != null ? stack1 : "")
    + "</port>\n      </destination>\n      <descr>"
    + ((stack1 = helpers.__direct.text(lookupProperty(depth0,"descr"))) != null ? stack1 : "")
    + "</descr>\n    </rule>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<?xml version=\"1.0\"?>\n\u003C!--\n"
    + ((stack1 = helpers.__direct.comments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n-->\n<opnsense>\n  <nat>\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[26]})) != null ? stack1 : "")
    + "  </nat>\n  <filter>\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 6, data),"inverse":container.noop,"data":data,"loc":LOC[27]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"allows6"),{"name":"each","hash":{},"fn":cachedProgram(container, 7, data),"inverse":container.noop,"data":data,"loc":LOC[28]})) != null ? stack1 : "")
    + "  </filter>\n</opnsense>\n";
},"useData":true};
    },
  },
  "opnsense/mvc": {
    helpers: ["comments","text"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":8,"column":18},"end":{"line":8,"column":22}},{"start":{"line":9,"column":18},"end":{"line":9,"column":26}},{"start":{"line":12,"column":17},"end":{"line":12,"column":37}},{"start":{"line":14,"column":18},"end":{"line":14,"column":26}},{"start":{"line":16,"column":17},"end":{"line":16,"column":35}},{"start":{"line":21,"column":19},"end":{"line":21,"column":37}},{"start":{"line":22,"column":16},"end":{"line":22,"column":23}},{"start":{"line":25,"column":16},"end":{"line":25,"column":22}},{"start":{"line":26,"column":20},"end":{"line":26,"column":29}},{"start":{"line":30,"column":13},"end":{"line":30,"column":27}},{"start":{"line":34,"column":0},"end":{"line":38,"column":7}},{"start":{"line":35,"column":23},"end":{"line":35,"column":33}},{"start":{"line":46,"column":0},"end":{"line":60,"column":9}},{"start":{"line":2,"column":0},"end":{"line":8,"column":7}},{"start":{"line":50,"column":17},"end":{"line":50,"column":37}},{"start":{"line":52,"column":18},"end":{"line":52,"column":26}},{"start":{"line":55,"column":19},"end":{"line":55,"column":26}},{"start":{"line":56,"column":16},"end":{"line":56,"column":20}},{"start":{"line":58,"column":13},"end":{"line":58,"column":27}},{"start":{"line":4,"column":0},"end":{"line":8,"column":0}},{"start":{"line":5,"column":19},"end":{"line":5,"column":33}},{"start":{"line":7,"column":17},"end":{"line":7,"column":40}},{"start":{"line":3,"column":0},"end":{"line":3,"column":19}},{"start":{"line":7,"column":0},"end":{"line":42,"column":9}},{"start":{"line":44,"column":0},"end":{"line":62,"column":7}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    <rule uuid=\""
    + ((stack1 = alias2(alias1(depth0, "uuid", LOC[0] ), depth0)) != null ? stack1 : "")
    + "\">\n      <sequence>"
    + ((stack1 = alias2(alias1(depth0, "sequence", LOC[1] ), depth0)) != null ? stack1 : "")
    + "</sequence>\n      <disabled>0</disabled>\n      <nordr>0</nordr>\n      <interface>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(data,"root"),"iface"))) != null ? stack1 : "")
    + "</interface>\n      <ipprotocol>inet</ipprotocol>\n      <protocol>"
    + ((stack1 = alias2(alias1(depth0, "protocol", LOC[3] ), depth0)) != null ? stack1 : "")
    + "</protocol>\n      <source>\n        <network>"
    + ((stack1 = helpers.__direct.text(lookupProperty(depth0,"sourceNet"))) != null ? stack1 : "")
    + "</network>\n        <port/>\n        <not>0</not>\n      </source>\n      <destination>\n        <network>"
    + ((stack1 = alias2(alias1(lookupProperty(data,"root"), "ifaceAddress", LOC[5] ), depth0)) != null ? stack1 : "")
    + "</network>\n        <port>"
    + ((stack1 = alias2(alias1(depth0, "extPort", LOC[6] ), depth0)) != null ? stack1 : "")
    + "</port>\n        <not>0</not>\n      </destination>\n      <target>"
    + ((stack1 = alias2(alias1(depth0, "target", LOC[7] ), depth0)) != null ? stack1 : "")
    + "</target>\n      <local-port>"
    + ((stack1 = alias2(alias1(depth0, "localPort", LOC[8] ), depth0)) != null ? stack1 : "")
    + "</local-port>\n      <poolopts/>\n      <log>0</log>\n      <category/>\n      <descr>"
    + ((stack1 = helpers.__direct.text(lookupProperty(depth0,"descr"))) != null ? stack1 : "")
    + "</descr>\n      <tag/>\n      <tagged/>\n      <nosync>0</nosync>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias3,lookupProperty(depth0,"reflection"),cachedProgram(container, 1, data),cachedProgram(container, 2, data))) != null ? stack1 : "")
    + "      <pass>rule</pass>\n      <associated-rule-id/>\n    </rule>\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "      <natreflection>"
    + ((stack1 = container.lambda(container.strict(depth0, "reflection", LOC[11] ), depth0)) != null ? stack1 : "")
    + "</natreflection>\n";
},"2":function(container,depth0,helpers,partials,data) {
    return "      <natreflection/>\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  <filter>\n"
    + ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"allows6"),{"name":"each","hash":{},"fn":cachedProgram(container, 4, data),"inverse":container.noop,"data":data,"loc":LOC[12]})) != null ? stack1 : "")
    + "  </filter>\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    <rule>\n      <type>pass</type>\n      <source>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 5, data),cachedProgram(container, 6, data))) != null ? stack1 : "")
    + "      </source>\n      <interface>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(data,"root"),"iface"))) != null ? stack1 : "")
    + "</interface>\n      <statetype>keep state</statetype>\n      <protocol>"
    + ((stack1 = alias3(alias2(depth0, "protocol", LOC[15] ), depth0)) != null ? stack1 : "")
    + "</protocol>\n      <ipprotocol>inet6</ipprotocol>\n      <destination>\n        <address>"
    + ((stack1 = alias3(alias2(depth0, "address", LOC[16] ), depth0)) != null ? stack1 : "")
    + "</address>\n        <port>"
    + ((stack1 = alias3(alias2(depth0, "port", LOC[17] ), depth0)) != null ? stack1 : "")
    + "</port>\n      </destination>\n      <descr>"
    + ((stack1 = helpers.__direct.text(lookupProperty(depth0,"descr"))) != null ? stack1 : "")
    + "</descr>\n    </rule>\n";
},"5":function(container,depth0,helpers,partials,data) {
    return "        <any>1</any>\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"source"),"address"),cachedProgram(container, 7, data),cachedProgram(container, 8, data))) != null ? stack1 : "");
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "        <address>"
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"source"), "address", LOC[20] ), depth0)) != null ? stack1 : "")
    + "</address>\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "        <network>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(depth0,"source"),"network"))) != null ? stack1 : "")
    + "</network>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<?xml version=\"1.0\"?>\n\u003C!--\n"
    + ((stack1 = helpers.__direct.comments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n-->\n<opnsense>\n  <nat>\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[23]})) != null ? stack1 : "")
    + "  </nat>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"allows6"),"length"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + "</opnsense>\n";
},"useData":true};
    },
  },
  "pfsense/default": {
    helpers: ["cdata","comments","text"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":2,"column":0},"end":{"line":8,"column":7}},{"start":{"line":11,"column":15},"end":{"line":11,"column":33}},{"start":{"line":12,"column":12},"end":{"line":12,"column":19}},{"start":{"line":15,"column":15},"end":{"line":15,"column":23}},{"start":{"line":16,"column":13},"end":{"line":16,"column":19}},{"start":{"line":17,"column":17},"end":{"line":17,"column":26}},{"start":{"line":18,"column":14},"end":{"line":18,"column":34}},{"start":{"line":19,"column":10},"end":{"line":19,"column":25}},{"start":{"line":20,"column":0},"end":{"line":22,"column":7}},{"start":{"line":23,"column":25},"end":{"line":23,"column":27}},{"start":{"line":4,"column":0},"end":{"line":8,"column":0}},{"start":{"line":5,"column":15},"end":{"line":5,"column":29}},{"start":{"line":7,"column":13},"end":{"line":7,"column":36}},{"start":{"line":21,"column":20},"end":{"line":21,"column":30}},{"start":{"line":32,"column":14},"end":{"line":32,"column":34}},{"start":{"line":34,"column":15},"end":{"line":34,"column":23}},{"start":{"line":36,"column":15},"end":{"line":36,"column":21}},{"start":{"line":37,"column":12},"end":{"line":37,"column":22}},{"start":{"line":39,"column":10},"end":{"line":39,"column":31}},{"start":{"line":40,"column":25},"end":{"line":40,"column":27}},{"start":{"line":41,"column":14},"end":{"line":41,"column":21}},{"start":{"line":48,"column":14},"end":{"line":48,"column":34}},{"start":{"line":50,"column":15},"end":{"line":50,"column":23}},{"start":{"line":52,"column":15},"end":{"line":52,"column":22}},{"start":{"line":53,"column":12},"end":{"line":53,"column":16}},{"start":{"line":55,"column":10},"end":{"line":55,"column":25}},{"start":{"line":56,"column":14},"end":{"line":56,"column":21}},{"start":{"line":3,"column":0},"end":{"line":3,"column":19}},{"start":{"line":7,"column":0},"end":{"line":25,"column":9}},{"start":{"line":28,"column":0},"end":{"line":43,"column":9}},{"start":{"line":44,"column":0},"end":{"line":58,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t<rule>\n\t\t\t<source>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 1, data),cachedProgram(container, 2, data))) != null ? stack1 : "")
    + "\t\t\t</source>\n\t\t\t<destination>\n\t\t\t\t<network>"
    + ((stack1 = alias3(alias2(lookupProperty(data,"root"), "ifaceAddress", LOC[1] ), depth0)) != null ? stack1 : "")
    + "</network>\n\t\t\t\t<port>"
    + ((stack1 = alias3(alias2(depth0, "extPort", LOC[2] ), depth0)) != null ? stack1 : "")
    + "</port>\n\t\t\t</destination>\n\t\t\t<ipprotocol>inet</ipprotocol>\n\t\t\t<protocol>"
    + ((stack1 = alias3(alias2(depth0, "protocol", LOC[3] ), depth0)) != null ? stack1 : "")
    + "</protocol>\n\t\t\t<target>"
    + ((stack1 = alias3(alias2(depth0, "target", LOC[4] ), depth0)) != null ? stack1 : "")
    + "</target>\n\t\t\t<local-port>"
    + ((stack1 = alias3(alias2(depth0, "localPort", LOC[5] ), depth0)) != null ? stack1 : "")
    + "</local-port>\n\t\t\t<interface>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(data,"root"),"iface"))) != null ? stack1 : "")
    + "</interface>\n\t\t\t<descr>"
    + ((stack1 = helpers.__direct.cdata(lookupProperty(depth0,"descr"))) != null ? stack1 : "")
    + "</descr>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"reflection"),cachedProgram(container, 5, data),container.noop)) != null ? stack1 : "")
    + "\t\t\t<associated-rule-id>"
    + ((stack1 = alias3(alias2(depth0, "id", LOC[9] ), depth0)) != null ? stack1 : "")
    + "</associated-rule-id>\n\t\t</rule>\n";
},"1":function(container,depth0,helpers,partials,data) {
    return "\t\t\t\t<any></any>\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"source"),"address"),cachedProgram(container, 3, data),cachedProgram(container, 4, data))) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t\t\t<address>"
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"source"), "address", LOC[11] ), depth0)) != null ? stack1 : "")
    + "</address>\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t\t\t<network>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(depth0,"source"),"network"))) != null ? stack1 : "")
    + "</network>\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\t\t\t<natreflection>"
    + ((stack1 = container.lambda(container.strict(depth0, "reflection", LOC[13] ), depth0)) != null ? stack1 : "")
    + "</natreflection>\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t<rule>\n\t\t\t<type>pass</type>\n\t\t\t<source>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 1, data),cachedProgram(container, 2, data))) != null ? stack1 : "")
    + "\t\t\t</source>\n\t\t\t<interface>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(data,"root"),"iface"))) != null ? stack1 : "")
    + "</interface>\n\t\t\t<ipprotocol>inet</ipprotocol>\n\t\t\t<protocol>"
    + ((stack1 = alias3(alias2(depth0, "protocol", LOC[15] ), depth0)) != null ? stack1 : "")
    + "</protocol>\n\t\t\t<destination>\n\t\t\t\t<address>"
    + ((stack1 = alias3(alias2(depth0, "target", LOC[16] ), depth0)) != null ? stack1 : "")
    + "</address>\n\t\t\t\t<port>"
    + ((stack1 = alias3(alias2(depth0, "filterPort", LOC[17] ), depth0)) != null ? stack1 : "")
    + "</port>\n\t\t\t</destination>\n\t\t\t<descr>"
    + ((stack1 = helpers.__direct.cdata(lookupProperty(depth0,"filterDescr"))) != null ? stack1 : "")
    + "</descr>\n\t\t\t<associated-rule-id>"
    + ((stack1 = alias3(alias2(depth0, "id", LOC[19] ), depth0)) != null ? stack1 : "")
    + "</associated-rule-id>\n\t\t\t<tracker>"
    + ((stack1 = alias3(alias2(depth0, "tracker", LOC[20] ), depth0)) != null ? stack1 : "")
    + "</tracker>\n\t\t</rule>\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t<rule>\n\t\t\t<type>pass</type>\n\t\t\t<source>\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 1, data),cachedProgram(container, 2, data))) != null ? stack1 : "")
    + "\t\t\t</source>\n\t\t\t<interface>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(data,"root"),"iface"))) != null ? stack1 : "")
    + "</interface>\n\t\t\t<ipprotocol>inet6</ipprotocol>\n\t\t\t<protocol>"
    + ((stack1 = alias3(alias2(depth0, "protocol", LOC[22] ), depth0)) != null ? stack1 : "")
    + "</protocol>\n\t\t\t<destination>\n\t\t\t\t<address>"
    + ((stack1 = alias3(alias2(depth0, "address", LOC[23] ), depth0)) != null ? stack1 : "")
    + "</address>\n\t\t\t\t<port>"
    + ((stack1 = alias3(alias2(depth0, "port", LOC[24] ), depth0)) != null ? stack1 : "")
    + "</port>\n\t\t\t</destination>\n\t\t\t<descr>"
    + ((stack1 = helpers.__direct.cdata(lookupProperty(depth0,"descr"))) != null ? stack1 : "")
    + "</descr>\n\t\t\t<tracker>"
    + ((stack1 = alias3(alias2(depth0, "tracker", LOC[26] ), depth0)) != null ? stack1 : "")
    + "</tracker>\n\t\t</rule>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "<?xml version=\"1.0\"?>\n\u003C!--\n"
    + ((stack1 = helpers.__direct.comments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n-->\n<pfsense>\n\t<nat>\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[28]})) != null ? stack1 : "")
    + "\t</nat>\n\t<filter>\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":cachedProgram(container, 6, data),"inverse":container.noop,"data":data,"loc":LOC[29]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"allows6"),{"name":"each","hash":{},"fn":cachedProgram(container, 7, data),"inverse":container.noop,"data":data,"loc":LOC[30]})) != null ? stack1 : "")
    + "\t</filter>\n</pfsense>\n";
},"useData":true};
    },
  },
  "upnp/default": {
    helpers: ["shComment","shQuote"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":3,"column":0},"end":{"line":3,"column":18}},{"start":{"line":82,"column":12},"end":{"line":82,"column":20}},{"start":{"line":82,"column":25},"end":{"line":82,"column":30}},{"start":{"line":83,"column":14},"end":{"line":83,"column":19}},{"start":{"line":83,"column":24},"end":{"line":83,"column":32}},{"start":{"line":93,"column":11},"end":{"line":93,"column":19}},{"start":{"line":93,"column":24},"end":{"line":93,"column":29}},{"start":{"line":94,"column":9},"end":{"line":94,"column":32}},{"start":{"line":94,"column":38},"end":{"line":94,"column":47}},{"start":{"line":94,"column":52},"end":{"line":94,"column":60}},{"start":{"line":94,"column":65},"end":{"line":94,"column":73}},{"start":{"line":94,"column":78},"end":{"line":94,"column":83}},{"start":{"line":94,"column":88},"end":{"line":94,"column":99}},{"start":{"line":95,"column":11},"end":{"line":95,"column":16}},{"start":{"line":95,"column":21},"end":{"line":95,"column":29}},{"start":{"line":95,"column":34},"end":{"line":95,"column":42}},{"start":{"line":2,"column":0},"end":{"line":4,"column":9}},{"start":{"line":11,"column":6},"end":{"line":11,"column":9}},{"start":{"line":81,"column":0},"end":{"line":84,"column":9}},{"start":{"line":85,"column":42},"end":{"line":85,"column":47}},{"start":{"line":86,"column":28},"end":{"line":86,"column":33}},{"start":{"line":86,"column":50},"end":{"line":86,"column":53}},{"start":{"line":92,"column":0},"end":{"line":96,"column":9}},{"start":{"line":97,"column":15},"end":{"line":97,"column":20}},{"start":{"line":97,"column":37},"end":{"line":97,"column":40}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.shComment(depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda;

  return "\tupnpc -d "
    + ((stack1 = alias2(alias1(depth0, "external", LOC[1] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "proto", LOC[2] ), depth0)) != null ? stack1 : "")
    + " >\"$log\" 2>&1\n\tremoved $? "
    + ((stack1 = alias2(alias1(depth0, "proto", LOC[3] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "external", LOC[4] ), depth0)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "upnpc -d "
    + ((stack1 = alias2(alias1(depth0, "external", LOC[5] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "proto", LOC[6] ), depth0)) != null ? stack1 : "")
    + " >/dev/null 2>&1\nupnpc -e "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"description"))) != null ? stack1 : "")
    + " -a "
    + ((stack1 = alias2(alias1(lookupProperty(data,"root"), "nas", LOC[8] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "internal", LOC[9] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "external", LOC[10] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "proto", LOC[11] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(data,"root"), "lease", LOC[12] ), depth0)) != null ? stack1 : "")
    + " >\"$log\" 2>&1\nadded $? "
    + ((stack1 = alias2(alias1(depth0, "proto", LOC[13] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "external", LOC[14] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "internal", LOC[15] ), depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/bin/sh\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"header"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[16]})) != null ? stack1 : "")
    + "\n# Everything runs in a subshell: pasted into a shell, its `exit` ends only the subshell, never your\n# session.\n(\nset -u\n\nnas="
    + ((stack1 = alias3(alias2(depth0, "nas", LOC[17] ), depth0)) != null ? stack1 : "")
    + "\naction=${1:-add}\ncase $action in\nadd | remove) ;;\n*)\n\techo \"usage: sh $0 [add|remove]\" >&2\n\texit 2\n\t;;\nesac\n\ndie() {\n\tprintf 'synfw: %s\\n' \"$1\" >&2\n\texit 1\n}\n\ncommand -v upnpc >/dev/null 2>&1 || die 'upnpc not found: install miniupnpc on this host, then run the script again'\n\nlog=$(mktemp) || die 'cannot create a temporary file'\ntrap 'rm -f \"$log\"' EXIT\ntrap 'exit 1' HUP INT TERM\n\n# upnpc from miniupnpc before 2.0 exits 0 even when the gateway refuses, so its output is checked too.\nfailed() {\n\t[ \"$1\" -ne 0 ] || grep -q 'failed with code' \"$log\"\n}\n\n# Discovery takes 2 s per upnpc call: once the gateway is known, every call names its root\n# description URL (-u) instead.\nigd=\nupnpc() {\n\tif [ -n \"$igd\" ]; then\n\t\tcommand upnpc -u \"$igd\" \"$@\"\n\telse\n\t\tcommand upnpc \"$@\"\n\tfi\n}\n\n# upnpc -s finds the gateway and this host's LAN address.\nupnpc -s >\"$log\" 2>&1\nif failed $?; then\n\tcat \"$log\" >&2\n\tdie 'no UPnP gateway answered (upnpc -s failed): is UPnP enabled on the router?'\nfi\n\n# Secure mode (miniupnpd's default) refuses mappings to any address but the caller's own (718/606).\nlan=$(sed -n 's/^Local LAN ip address : //p' \"$log\")\nif [ \"$lan\" != \"$nas\" ] && [ \"${SYNFW_UPNP_ANY_HOST:-0}\" != 1 ]; then\n\tdie \"upnpc reports this host's LAN address as '${lan:-unknown}', not $nas: run this script on the NAS itself, or set SYNFW_UPNP_ANY_HOST=1 if the gateway accepts mappings for other hosts\"\nfi\nigd=$(awk '$1 == \"desc:\" { url = $2 } $1 == \"st:\" && $2 ~ /InternetGatewayDevice/ { print url; exit }' \"$log\")\n\nadded() {\n\tif failed \"$1\"; then\n\t\tcat \"$log\" >&2\n\t\tdie \"mapping $2 $3 -> $nas:$4 failed (upnpc's output is above); the mappings after it were not made\"\n\tfi\n\techo \"mapped $2 $3 -> $nas:$4\"\n}\n\n# 714 NoSuchEntryInArray: the mapping is already gone.\nremoved() {\n\tif failed \"$1\" && ! grep -q 'code : 714' \"$log\"; then\n\t\tcat \"$log\" >&2\n\t\techo \"synfw: removing $2 $3 failed\" >&2\n\t\terrors=$((errors + 1))\n\tfi\n}\n\nif [ \"$action\" = remove ]; then\n\terrors=0\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"mappings"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[18]})) != null ? stack1 : "")
    + "\t[ \"$errors\" -eq 0 ] || die \"$errors of "
    + ((stack1 = alias3(alias2(depth0, "count", LOC[19] ), depth0)) != null ? stack1 : "")
    + " mappings could not be removed\"\n\techo \"synfw: removed the "
    + ((stack1 = alias3(alias2(depth0, "count", LOC[20] ), depth0)) != null ? stack1 : "")
    + " mappings of "
    + ((stack1 = alias3(alias2(depth0, "tag", LOC[21] ), depth0)) != null ? stack1 : "")
    + "\"\n\texit 0\nfi\n\n# Delete first (a missing mapping is fine), then add: -e must come before -a, and -a takes\n# the NAS address, the internal (NAS) port, the external (WAN) port, the protocol and the lease.\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"mappings"),{"name":"each","hash":{},"fn":cachedProgram(container, 2, data),"inverse":container.noop,"data":data,"loc":LOC[22]})) != null ? stack1 : "")
    + "echo \"synfw: "
    + ((stack1 = alias3(alias2(depth0, "count", LOC[23] ), depth0)) != null ? stack1 : "")
    + " mappings of "
    + ((stack1 = alias3(alias2(depth0, "tag", LOC[24] ), depth0)) != null ? stack1 : "")
    + " to $nas are in place\"\n)\n";
},"useData":true};
    },
  },
  "vyos/commands": {
    helpers: ["vyosComments","vyosQuote"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":4,"column":0},"end":{"line":6,"column":9}},{"start":{"line":10,"column":0},"end":{"line":12,"column":9}},{"start":{"line":11,"column":6},"end":{"line":11,"column":10}},{"start":{"line":11,"column":13},"end":{"line":11,"column":32}},{"start":{"line":1,"column":0},"end":{"line":1,"column":23}},{"start":{"line":2,"column":0},"end":{"line":7,"column":7}},{"start":{"line":8,"column":0},"end":{"line":13,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"deletes"),{"name":"each","hash":{},"fn":cachedProgram(container, 1, data),"inverse":container.noop,"data":data,"loc":LOC[0]})) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "delete "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"sets"),{"name":"each","hash":{},"fn":cachedProgram(container, 3, data),"inverse":container.noop,"data":data,"loc":LOC[1]})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "set "
    + ((stack1 = container.lambda(container.strict(depth0, "path", LOC[2] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = helpers.__direct.vyosQuote(lookupProperty(depth0,"value"))) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.vyosComments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"deletes"),"length"),cachedProgram(container, 0, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"blocks"),{"name":"each","hash":{},"fn":cachedProgram(container, 2, data),"inverse":container.noop,"data":data,"loc":LOC[6]})) != null ? stack1 : "")
    + "\ncommit\nsave\n";
},"useData":true};
    },
  },
  "vyos/default": {
    helpers: ["shQuote","vyosComments","vyosQuote"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":2,"column":22},"end":{"line":2,"column":38}},{"start":{"line":3,"column":7},"end":{"line":3,"column":26}},{"start":{"line":28,"column":36},"end":{"line":28,"column":59}},{"start":{"line":29,"column":37},"end":{"line":29,"column":60}},{"start":{"line":31,"column":21},"end":{"line":31,"column":46}},{"start":{"line":34,"column":22},"end":{"line":34,"column":47}},{"start":{"line":51,"column":2},"end":{"line":51,"column":5}},{"start":{"line":51,"column":22},"end":{"line":51,"column":26}},{"start":{"line":57,"column":12},"end":{"line":57,"column":15}},{"start":{"line":57,"column":31},"end":{"line":57,"column":35}},{"start":{"line":60,"column":47},"end":{"line":60,"column":51}},{"start":{"line":60,"column":56},"end":{"line":60,"column":60}},{"start":{"line":60,"column":93},"end":{"line":60,"column":97}},{"start":{"line":60,"column":102},"end":{"line":60,"column":106}},{"start":{"line":64,"column":0},"end":{"line":66,"column":9}},{"start":{"line":65,"column":6},"end":{"line":65,"column":10}},{"start":{"line":65,"column":12},"end":{"line":65,"column":52}},{"start":{"line":65,"column":52},"end":{"line":65,"column":91}},{"start":{"line":65,"column":26},"end":{"line":65,"column":45}},{"start":{"line":65,"column":73},"end":{"line":65,"column":81}},{"start":{"line":2,"column":0},"end":{"line":2,"column":23}},{"start":{"line":10,"column":7},"end":{"line":10,"column":30}},{"start":{"line":1,"column":0},"end":{"line":7,"column":9}},{"start":{"line":22,"column":7},"end":{"line":22,"column":30}},{"start":{"line":25,"column":0},"end":{"line":36,"column":7}},{"start":{"line":38,"column":60},"end":{"line":38,"column":64}},{"start":{"line":38,"column":69},"end":{"line":38,"column":73}},{"start":{"line":43,"column":20},"end":{"line":43,"column":24}},{"start":{"line":43,"column":45},"end":{"line":43,"column":49}},{"start":{"line":45,"column":6},"end":{"line":45,"column":27}},{"start":{"line":46,"column":64},"end":{"line":46,"column":68}},{"start":{"line":46,"column":74},"end":{"line":46,"column":78}},{"start":{"line":46,"column":83},"end":{"line":46,"column":87}},{"start":{"line":46,"column":108},"end":{"line":46,"column":111}},{"start":{"line":50,"column":0},"end":{"line":52,"column":9}},{"start":{"line":56,"column":0},"end":{"line":58,"column":9}},{"start":{"line":59,"column":0},"end":{"line":61,"column":9}},{"start":{"line":62,"column":0},"end":{"line":67,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "if ! ip link show dev "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"name"))) != null ? stack1 : "")
    + " >/dev/null 2>&1; then\n  echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"missing"))) != null ? stack1 : "")
    + " >&2\n  echo \"synfw: its interfaces: $(ip -o link show | awk -F': ' '{ sub(/@.*/, \"\", $2); printf \"%s \", $2 }')\" >&2\n  exit 1\nfi\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n# Hairpin rules hold the WAN address and the LAN subnet literally: looked up now.\nsynfw_wan4=$(ip -4 -o addr show dev "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(depth0,"hairpin"),"wan"))) != null ? stack1 : "")
    + " scope global | awk '{ split($4, a, \"/\"); print a[1]; exit }')\nsynfw_lan4=$(ip -4 -o route show dev "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(depth0,"hairpin"),"lan"))) != null ? stack1 : "")
    + " proto kernel scope link | awk '{ print $1; exit }')\ncase $synfw_wan4 in\n  ''|*[!0-9.]*) echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(depth0,"hairpin"),"noWan"))) != null ? stack1 : "")
    + " >&2; exit 1 ;;\nesac\ncase $synfw_lan4 in\n  ''|*[!0-9./]*) echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(lookupProperty(depth0,"hairpin"),"noLan"))) != null ? stack1 : "")
    + " >&2; exit 1 ;;\nesac\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda;

  return ((stack1 = alias2(alias1(depth0, "var", LOC[6] ), depth0)) != null ? stack1 : "")
    + "=$(synfw_old "
    + ((stack1 = alias2(alias1(depth0, "path", LOC[7] ), depth0)) != null ? stack1 : "")
    + ") || exit 1\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda;

  return "for n in $"
    + ((stack1 = alias2(alias1(depth0, "var", LOC[8] ), depth0)) != null ? stack1 : "")
    + "; do delete "
    + ((stack1 = alias2(alias1(depth0, "path", LOC[9] ), depth0)) != null ? stack1 : "")
    + " \"$n\"; done\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda;

  return "if cli-shell-api existsActive firewall group "
    + ((stack1 = alias2(alias1(depth0, "kind", LOC[10] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[11] ), depth0)) != null ? stack1 : "")
    + "; then delete firewall group "
    + ((stack1 = alias2(alias1(depth0, "kind", LOC[12] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(depth0, "name", LOC[13] ), depth0)) != null ? stack1 : "")
    + "; fi\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"sets"),{"name":"each","hash":{},"fn":cachedProgram(container, 6, data),"inverse":container.noop,"data":data,"loc":LOC[14]})) != null ? stack1 : "");
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "set "
    + ((stack1 = container.lambda(container.strict(depth0, "path", LOC[15] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"value"),cachedProgram(container, 7, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"shellVar"),cachedProgram(container, 8, data),container.noop)) != null ? stack1 : "")
    + "\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " "
    + ((stack1 = helpers.__direct.vyosQuote(lookupProperty(depth0,"value"))) != null ? stack1 : "");
},"8":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " \"$"
    + ((stack1 = container.lambda(container.strict(depth0, "shellVar", LOC[19] ), depth0)) != null ? stack1 : "")
    + "\"";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/bin/vbash\n"
    + ((stack1 = helpers.__direct.vyosComments(lookupProperty(depth0,"header"))) != null ? stack1 : "")
    + "\n\n# Run this as a file (vbash FILE), never pasted: VyOS's script-template defines configure-mode\n# commands as aliases, which bash expands only in lines read after it is sourced, so the part after\n# it must stay at the top level. To paste into configure mode, use synfw's --format commands.\n# shellcheck disable=SC2121 # set is VyOS's configure command here, not the shell builtin\n# VyOS's Command Scripting docs: configuration scripts run in the vyattacfg group, never with sudo.\nif [ \"$(id -u)\" = 0 ]; then\n  echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"rootMessage"))) != null ? stack1 : "")
    + " >&2\n  exit 1\nfi\nif [ \"$(id -g -n)\" != vyattacfg ]; then\n  exec sg vyattacfg -c \"/bin/vbash $(printf '%q' \"$(readlink -f \"$0\")\")\"\nfi\n\n# Nothing changes unless every interface the rules name exists: a rule on a missing interface would\n# commit and forward nothing.\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"needed"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[22]})) != null ? stack1 : "")
    + "# A zone-based firewall drops forwarded traffic in its zone chains whatever the forward filter accepts.\nif cli-shell-api existsActive firewall zone; then\n  echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"zoneMessage"))) != null ? stack1 : "")
    + " >&2\n  exit 1\nfi\n"
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"hairpin"),cachedProgram(container, 1, data),container.noop)) != null ? stack1 : "")
    + "\n# What earlier runs of this profile added: rules numbered "
    + ((stack1 = alias3(alias2(depth0, "base", LOC[25] ), depth0)) != null ? stack1 : "")
    + "-"
    + ((stack1 = alias3(alias2(depth0, "last", LOC[26] ), depth0)) != null ? stack1 : "")
    + " whose description starts\n# with the tag. A rule in that range without the tag is someone else's: stop rather than replace it.\nsynfw_old() {\n  for n in $(cli-shell-api listActiveNodes \"$@\" | tr -d \"'\"); do\n    case $n in ''|*[!0-9]*) continue ;; esac\n    if [ \"$n\" -lt "
    + ((stack1 = alias3(alias2(depth0, "base", LOC[27] ), depth0)) != null ? stack1 : "")
    + " ] || [ \"$n\" -gt "
    + ((stack1 = alias3(alias2(depth0, "last", LOC[28] ), depth0)) != null ? stack1 : "")
    + " ]; then continue; fi\n    case $(cli-shell-api returnActiveValue \"$@\" \"$n\" description) in\n      "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"tagPrefix"))) != null ? stack1 : "")
    + "*) echo \"$n\" ;;\n      *) echo \"synfw: $* $n is in the rule numbers of profile "
    + ((stack1 = alias3(alias2(depth0, "name", LOC[30] ), depth0)) != null ? stack1 : "")
    + " ("
    + ((stack1 = alias3(alias2(depth0, "base", LOC[31] ), depth0)) != null ? stack1 : "")
    + "-"
    + ((stack1 = alias3(alias2(depth0, "last", LOC[32] ), depth0)) != null ? stack1 : "")
    + ") but not tagged "
    + ((stack1 = alias3(alias2(depth0, "tag", LOC[33] ), depth0)) != null ? stack1 : "")
    + "; renumber it. Nothing was changed.\" >&2; return 1 ;;\n    esac\n  done\n}\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"lists"),{"name":"each","hash":{},"fn":cachedProgram(container, 2, data),"inverse":container.noop,"data":data,"loc":LOC[34]})) != null ? stack1 : "")
    + "\nsource /opt/vyatta/etc/functions/script-template\nconfigure\n"
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"lists"),{"name":"each","hash":{},"fn":cachedProgram(container, 3, data),"inverse":container.noop,"data":data,"loc":LOC[35]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"groups"),{"name":"each","hash":{},"fn":cachedProgram(container, 4, data),"inverse":container.noop,"data":data,"loc":LOC[36]})) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.each.call(alias1,lookupProperty(depth0,"blocks"),{"name":"each","hash":{},"fn":cachedProgram(container, 5, data),"inverse":container.noop,"data":data,"loc":LOC[37]})) != null ? stack1 : "")
    + "\ncommit\nif cli-shell-api sessionChanged; then\n  echo 'synfw: the commit failed (see the messages above). VyOS commits NAT before the firewall, so the NAT rules may be' >&2\n  echo 'synfw: live while the firewall rules are not: fix the cause and run this script again, or remove them (see the header).' >&2\n  exit\n  builtin exit 1\nfi\nsave\nif cli-shell-api sessionUnsaved; then\n  echo 'synfw: committed but not saved; run save in configure mode so the rules survive a reboot' >&2\nfi\nexit\n";
},"useData":true};
    },
  },
};

export const partials: Record<string, TemplateSpec> = {
  "iptables-match": {
    helpers: [],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":1,"column":19},"end":{"line":1,"column":25}},{"start":{"line":1,"column":52},"end":{"line":1,"column":56}},{"start":{"line":1,"column":81},"end":{"line":1,"column":83}},{"start":{"line":1,"column":109},"end":{"line":1,"column":112}},{"start":{"line":1,"column":181},"end":{"line":1,"column":185}},{"start":{"line":1,"column":205},"end":{"line":1,"column":216}},{"start":{"line":1,"column":223},"end":{"line":1,"column":227}},{"start":{"line":1,"column":297},"end":{"line":1,"column":304}},{"start":{"line":1,"column":306},"end":{"line":1,"column":344}},{"start":{"line":1,"column":330},"end":{"line":1,"column":335}},{"start":{"line":1,"column":352},"end":{"line":1,"column":403}},{"start":{"line":1,"column":389},"end":{"line":1,"column":394}},{"start":{"line":1,"column":0},"end":{"line":1,"column":35}},{"start":{"line":1,"column":35},"end":{"line":1,"column":66}},{"start":{"line":1,"column":66},"end":{"line":1,"column":93}},{"start":{"line":1,"column":93},"end":{"line":1,"column":122}},{"start":{"line":1,"column":127},"end":{"line":1,"column":138}},{"start":{"line":1,"column":141},"end":{"line":1,"column":240}},{"start":{"line":1,"column":243},"end":{"line":1,"column":254}},{"start":{"line":1,"column":256},"end":{"line":1,"column":410}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-s "
    + ((stack1 = container.lambda(container.strict(depth0, "source", LOC[0] ), depth0)) != null ? stack1 : "")
    + " ";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-d "
    + ((stack1 = container.lambda(container.strict(depth0, "dest", LOC[1] ), depth0)) != null ? stack1 : "")
    + " ";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-i "
    + ((stack1 = container.lambda(container.strict(depth0, "in", LOC[2] ), depth0)) != null ? stack1 : "")
    + " ";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-o "
    + ((stack1 = container.lambda(container.strict(depth0, "out", LOC[3] ), depth0)) != null ? stack1 : "")
    + " ";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "-m multiport --"
    + ((stack1 = container.lambda(container.strict(depth0, "side", LOC[4] ), depth0)) != null ? stack1 : "")
    + "ports";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "-m "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"match"), "proto", LOC[5] ), depth0)) != null ? stack1 : "")
    + " --"
    + ((stack1 = alias2(alias1(depth0, "side", LOC[6] ), depth0)) != null ? stack1 : "")
    + "port";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " -m conntrack --ctstate "
    + ((stack1 = container.lambda(container.strict(depth0, "ctstate", LOC[7] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"ctdir"),cachedProgram(container, 7, data),container.noop)) != null ? stack1 : "");
},"7":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " --ctdir "
    + ((stack1 = container.lambda(container.strict(depth0, "ctdir", LOC[9] ), depth0)) != null ? stack1 : "");
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"ctdir"),cachedProgram(container, 9, data),container.noop)) != null ? stack1 : "");
},"9":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " -m conntrack --ctdir "
    + ((stack1 = container.lambda(container.strict(depth0, "ctdir", LOC[11] ), depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"source"),cachedProgram(container, 0, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"dest"),cachedProgram(container, 1, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"in"),cachedProgram(container, 2, data),container.noop)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"out"),cachedProgram(container, 3, data),container.noop)) != null ? stack1 : "")
    + "-p "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"match"), "proto", LOC[16] ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(lookupProperty(depth0,"match"),"multiport"),cachedProgram(container, 4, data),cachedProgram(container, 5, data))) != null ? stack1 : "")
    + " "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"match"), "ports", LOC[18] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"ctstate"),cachedProgram(container, 6, data),cachedProgram(container, 8, data))) != null ? stack1 : "");
},"useData":true};
    },
  },
  "iptables-target": {
    helpers: [],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":1,"column":42},"end":{"line":1,"column":44}},{"start":{"line":1,"column":6},"end":{"line":1,"column":10}},{"start":{"line":1,"column":12},"end":{"line":1,"column":53}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " --to-destination "
    + ((stack1 = container.lambda(container.strict(depth0, "to", LOC[0] ), depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " -j "
    + ((stack1 = container.lambda(container.strict(depth0, "jump", LOC[1] ), depth0)) != null ? stack1 : "")
    + ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"to"),cachedProgram(container, 0, data),container.noop)) != null ? stack1 : "");
},"useData":true};
    },
  },
  "opnsense-source": {
    helpers: ["text"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":4,"column":0},"end":{"line":8,"column":0}},{"start":{"line":5,"column":19},"end":{"line":5,"column":33}},{"start":{"line":7,"column":17},"end":{"line":7,"column":40}},{"start":{"line":2,"column":0},"end":{"line":8,"column":7}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    return "        <any>1</any>\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"source"),"address"),cachedProgram(container, 2, data),cachedProgram(container, 3, data))) != null ? stack1 : "");
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "        <address>"
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"source"), "address", LOC[1] ), depth0)) != null ? stack1 : "")
    + "</address>\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "        <network>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(depth0,"source"),"network"))) != null ? stack1 : "")
    + "</network>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "      <source>\n"
    + ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 0, data),cachedProgram(container, 1, data))) != null ? stack1 : "")
    + "      </source>\n";
},"useData":true};
    },
  },
  "pfsense-source": {
    helpers: ["text"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":4,"column":0},"end":{"line":8,"column":0}},{"start":{"line":5,"column":15},"end":{"line":5,"column":29}},{"start":{"line":7,"column":13},"end":{"line":7,"column":36}},{"start":{"line":2,"column":0},"end":{"line":8,"column":7}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    return "\t\t\t\t<any></any>\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"source"),"address"),cachedProgram(container, 2, data),cachedProgram(container, 3, data))) != null ? stack1 : "");
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t\t\t<address>"
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"source"), "address", LOC[1] ), depth0)) != null ? stack1 : "")
    + "</address>\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t\t\t<network>"
    + ((stack1 = helpers.__direct.text(lookupProperty(lookupProperty(depth0,"source"),"network"))) != null ? stack1 : "")
    + "</network>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\t\t\t<source>\n"
    + ((stack1 = helpers.__direct.ifBlock(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"source"),"any"),cachedProgram(container, 0, data),cachedProgram(container, 1, data))) != null ? stack1 : "")
    + "\t\t\t</source>\n";
},"useData":true};
    },
  },
  "sh-need-links": {
    helpers: ["shQuote"],
    partials: [],
    get spec() {
      const LOC = [{"start":{"line":2,"column":22},"end":{"line":2,"column":38}},{"start":{"line":3,"column":7},"end":{"line":3,"column":26}},{"start":{"line":1,"column":0},"end":{"line":7,"column":9}}];
      return {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "if ! ip link show dev "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"name"))) != null ? stack1 : "")
    + " >/dev/null 2>&1; then\n  echo "
    + ((stack1 = helpers.__direct.shQuote(lookupProperty(depth0,"missing"))) != null ? stack1 : "")
    + " >&2\n  echo \"synfw: its interfaces: $(ip -o link show | awk -F': ' '{ sub(/@.*/, \"\", $2); printf \"%s \", $2 }')\" >&2\n  exit 1\nfi\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = helpers.__direct.each.call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"needed"),{"name":"each","hash":{},"fn":cachedProgram(container, 0, data),"inverse":container.noop,"data":data,"loc":LOC[2]})) != null ? stack1 : "");
},"useData":true};
    },
  },
};
