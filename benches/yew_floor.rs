//! The framework's floor for `make bench`: a bare Yew page built with the app's release profile,
//! allocator and loader, rendering one line where the app renders its results. What the app
//! takes beyond this is ours; up to this is Yew, wasm-bindgen and the network.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(target_arch = "wasm32")]
#[yew::function_component]
fn Floor() -> yew::Html {
    yew::html! {
        <main>
            <h1>{ "民生实事查询" }</h1>
            <section data-member="0"><p data-item="1">{ "Yew" }</p></section>
        </main>
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    if let Some(app) = gloo::utils::document().get_element_by_id("app") {
        yew::Renderer::<Floor>::with_root(app).render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("yew-floor is a page for the benchmark: make bench");
}
